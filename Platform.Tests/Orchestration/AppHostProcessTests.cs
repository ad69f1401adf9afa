using System.Diagnostics;
using Platform.Hosting.Orchestration;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Orchestration;

/// <summary>The AppHost as a user runs it: a process of its own.</summary>
public sealed class AppHostProcessTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("platform-apphost-").FullName;

    [Fact]
    public async Task Killing_the_AppHost_with_SIGKILL_leaves_no_process_behind()
    {
        using var appHost = StartAppHost();
        await WaitForLineAsync(appHost, "resources are up");
        var started = ProcessTree.Descendants(appHost.Id);
        Assert.True(started.Count >= 10, $"expected the graph's processes below the AppHost, found {started.Count}");

        Assert.True(Signals.Send(appHost.Id, Signal.Kill));
        await appHost.WaitForExitAsync();

        await Eventually.TrueAsync(() => !started.Any(ProcessTree.IsAlive), TimeSpan.FromSeconds(10),
            "every process the AppHost started to be gone");
        ProcessTree.RemoveRuntimeFilesOf([appHost.Id, .. started]);
    }

    [Fact]
    public async Task Ctrl_C_stops_every_process_and_the_AppHost_exits_cleanly()
    {
        using var appHost = StartAppHost();
        await WaitForLineAsync(appHost, "resources are up");
        var started = ProcessTree.Descendants(appHost.Id);

        Assert.True(Signals.Send(appHost.Id, Signal.Interrupt));
        await appHost.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(15)).Token);

        Assert.Equal(0, appHost.ExitCode);
        Assert.DoesNotContain(started, ProcessTree.IsAlive);
    }

    private Process StartAppHost() =>
        AppHostProcess.Start(["--data-dir", _dataDirectory], new Dictionary<string, string> { ["Platform__ConsoleView"] = "Lines" });

    private static async Task WaitForLineAsync(Process process, string text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var output = new List<string>();
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            output.Add(line);
            if (line.Contains(text, StringComparison.Ordinal))
            {
                // Keep draining so the AppHost never blocks on a full pipe.
                _ = process.StandardOutput.ReadToEndAsync();
                _ = process.StandardError.ReadToEndAsync();
                return;
            }
        }
        Assert.Fail($"The AppHost exited before '{text}'. Its output:{Environment.NewLine}{string.Join(Environment.NewLine, output)}{await process.StandardError.ReadToEndAsync()}");
    }

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);
}
