using System.Diagnostics;
using Platform.Hosting.Orchestration;
using Platform.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Platform.Tests.Orchestration;

/// <summary>The AppHost as a user runs it: a process of its own.</summary>
public sealed class AppHostProcessTests(ITestOutputHelper testOutput) : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("platform-apphost-").FullName;

    [Fact]
    public async Task Killing_the_AppHost_with_SIGKILL_leaves_no_process_behind()
    {
        using var appHost = StartAppHost();
        var started = new HashSet<int>();
        try
        {
            await WaitForLineAsync(appHost, "resources are up");
            started.UnionWith(ProcessTree.Descendants(appHost.Id));
            Assert.True(started.Count >= 10, $"expected the graph's processes below the AppHost, found {started.Count}");

            Assert.True(Signals.Send(appHost.Id, Signal.Kill));
            await appHost.WaitForExitAsync();

            await Eventually.TrueAsync(() => !started.Any(ProcessTree.IsAlive), TimeSpan.FromSeconds(10),
                "every process the AppHost started to be gone");
        }
        finally
        {
            await StopAsync(appHost, started);
        }
    }

    [Fact]
    public async Task Ctrl_C_stops_every_process_and_the_AppHost_exits_cleanly()
    {
        using var appHost = StartAppHost();
        var started = new HashSet<int>();
        try
        {
            await WaitForLineAsync(appHost, "resources are up");
            started.UnionWith(ProcessTree.Descendants(appHost.Id));

            Assert.True(Signals.Send(appHost.Id, Signal.Interrupt));
            await appHost.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(15)).Token);

            Assert.Equal(0, appHost.ExitCode);
            Assert.DoesNotContain(started, ProcessTree.IsAlive);
        }
        finally
        {
            await StopAsync(appHost, started);
        }
    }

    [Fact]
    public async Task Every_child_runs_unprivileged_and_gets_none_of_the_AppHosts_own_secrets()
    {
        var secrets = new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = "AKIASENTINEL0000",
            ["AWS_SECRET_ACCESS_KEY"] = "sentinel-aws-secret",
            ["Parameters__sentinel"] = "sentinel-parameter",
            ["ConnectionStrings__sentinel"] = "Host=sentinel;Password=sentinel-password",
        };
        using var appHost = StartAppHost(secrets);
        var started = new HashSet<int>();
        try
        {
            await WaitForLineAsync(appHost, "resources are up");
            started.UnionWith(ProcessTree.Descendants(appHost.Id));
            var children = started.Select(pid => (Pid: pid, CommandLine: string.Join(' ', ProcessTree.CommandLineOf(pid))))
                .Where(c => !c.CommandLine.Contains(WatchdogScript, StringComparison.Ordinal))
                .ToList();
            foreach (var program in (string[])["bin/postgres", "redis-server", "s3rver.js", "Platform.Api.dll", "Platform.Worker.dll", "Platform.Web.dll"])
            {
                Assert.Contains(children, c => c.CommandLine.Contains(program, StringComparison.Ordinal));
            }
            // Their environment can be read back (redis-server, and PostgreSQL's workers, write their title over theirs;
            // they are started the same way as these).
            foreach (var program in (string[])["bin/postgres -D", "s3rver.js", "Platform.Api.dll", "Platform.Worker.dll", "Platform.Web.dll"])
            {
                Assert.Contains(children, c => c.CommandLine.Contains(program, StringComparison.Ordinal)
                    && ProcessTree.EnvironmentOf(c.Pid).Any(variable => variable.StartsWith("PATH=", StringComparison.Ordinal)));
            }

            foreach (var (pid, commandLine) in children)
            {
                var environment = ProcessTree.EnvironmentOf(pid);
                Assert.DoesNotContain(environment, variable => secrets.Any(s => variable.StartsWith(s.Key + "=", StringComparison.Ordinal) || variable.Contains(s.Value, StringComparison.Ordinal)));
                if (Environment.UserName == "root" && ProcessTree.UserOf(pid) is { } user)
                {
                    Assert.True(user is { Real: not 0, Effective: not 0 }, $"'{commandLine}' runs as user {user}");
                }
            }
        }
        finally
        {
            await StopAsync(appHost, started);
        }
    }

    [Fact]
    public async Task Killing_dotnet_run_with_SIGKILL_stops_the_AppHost_and_everything_it_started()
    {
        using var dotnetRun = AppHostProcess.StartWithDotnetRun(["--data-dir", _dataDirectory, .. FreeDashboardPorts],
            new Dictionary<string, string> { ["Platform__ConsoleView"] = "Lines" });
        var started = new HashSet<int>();
        try
        {
            var output = await WaitForLineAsync(dotnetRun, "resources are up");
            var dashboard = new Uri(output.Single(line => line.StartsWith("Now listening on: ", StringComparison.Ordinal))["Now listening on: ".Length..]);
            started.UnionWith(ProcessTree.Descendants(dotnetRun.Id));
            Assert.True(started.Count >= 11, $"expected the AppHost and its graph below dotnet run, found {started.Count}");

            var killed = Stopwatch.StartNew();
            Assert.True(Signals.Send(dotnetRun.Id, Signal.Kill));
            await dotnetRun.WaitForExitAsync();

            await Eventually.TrueAsync(() => !started.Any(ProcessTree.IsAlive) && IsFree(dashboard.Port), TimeSpan.FromSeconds(30),
                "the AppHost and every process it started to be gone, and the dashboard's port free");
            testOutput.WriteLine($"Everything was gone {killed.Elapsed.TotalSeconds:0.0} s after dotnet run was killed.");
        }
        finally
        {
            await StopAsync(dotnetRun, started);
        }
    }

    private static readonly string[] FreeDashboardPorts = ["--Dashboard:Port=0", "--Dashboard:OtlpGrpcPort=0", "--Dashboard:OtlpHttpPort=0"];

    // A line of the watchdog's script: the one child that stays the AppHost's own (it only reads a pipe and signals).
    private const string WatchdogScript = "trap '' INT TERM HUP";

    private static bool IsFree(int port)
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>Stops what a test started, whatever happened: Ctrl+C, then SIGKILL of everything still there.</summary>
    private static async Task StopAsync(Process process, IReadOnlySet<int> started)
    {
        if (!process.HasExited)
        {
            Signals.Send(process.Id, Signal.Interrupt);
            try
            {
                await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(15)).Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
        foreach (var pid in started.Prepend(process.Id).Where(ProcessTree.IsAlive))
        {
            Signals.Send(pid, Signal.Kill);
        }
        await Eventually.TrueAsync(() => !started.Any(ProcessTree.IsAlive), TimeSpan.FromSeconds(10), "what the test started to be gone");
        ProcessTree.RemoveRuntimeFilesOf([process.Id, .. started]);
    }

    /// <summary>The AppHost on free ports (a developer's own AppHost may hold the default ones), printing one line per change.</summary>
    private Process StartAppHost(IReadOnlyDictionary<string, string>? environment = null) =>
        AppHostProcess.Start(["--data-dir", _dataDirectory, .. FreeDashboardPorts],
            new Dictionary<string, string>(environment ?? new Dictionary<string, string>()) { ["Platform__ConsoleView"] = "Lines" });

    /// <summary>Reads the output up to the first line with <paramref name="text"/>, and returns it.</summary>
    private static async Task<IReadOnlyList<string>> WaitForLineAsync(Process process, string text)
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
                return output;
            }
        }
        Assert.Fail($"The AppHost exited before '{text}'. Its output:{Environment.NewLine}{string.Join(Environment.NewLine, output)}{await process.StandardError.ReadToEndAsync()}");
        return output;
    }

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);
}
