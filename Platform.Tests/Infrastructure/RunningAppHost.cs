using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Platform.Tests.Infrastructure;

/// <summary>
/// An AppHost run as a user runs it, a process of its own on its own data folder, with the dashboard on free ports (a
/// developer's own AppHost may hold the usual ones) and a temporary folder of its own (DCP keeps its session there, and
/// an AppHost killed by a test cannot remove it). Disposing it stops whatever is left and removes that folder, even if the
/// test failed.
/// </summary>
internal sealed class RunningAppHost : IAsyncDisposable
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromMinutes(3);

    private readonly HashSet<int> _started = [];
    private readonly List<string> _output = [];

    private readonly string _temporaryDirectory;

    private RunningAppHost(Process process, Uri dashboard, string temporaryDirectory)
    {
        Process = process;
        Dashboard = dashboard;
        _temporaryDirectory = temporaryDirectory;
    }

    /// <summary>The process signalled to stop the run: the AppHost itself, or the <c>dotnet run</c> that started it.</summary>
    public Process Process { get; }

    public Uri Dashboard { get; }

    /// <summary>Every process of the run, as seen when it was up.</summary>
    public IReadOnlySet<int> Started => _started;

    public static RunningAppHost Start(string dataDirectory, IReadOnlyDictionary<string, string>? environment = null, bool withDotnetRun = false, params string[] args)
    {
        var dashboard = FreePort();
        var temporary = Directory.CreateTempSubdirectory("platform-apphost-tmp-").FullName;
        // As /tmp is: the resources run as the service account when the tests run as root, and write there too.
        File.SetUnixFileMode(temporary, (UnixFileMode)0b111_111_111 | UnixFileMode.StickyBit);
        var variables = new Dictionary<string, string>(environment ?? new Dictionary<string, string>())
        {
            ["TMPDIR"] = temporary,
            ["ASPNETCORE_URLS"] = $"http://localhost:{dashboard}",
            ["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://localhost:{FreePort()}",
            ["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = $"http://localhost:{FreePort()}",
            ["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true",
        };
        string[] arguments = [$"--Platform:DataDirectory={dataDirectory}", .. args];
        var process = withDotnetRun ? AppHostProcess.StartWithDotnetRun(["--no-launch-profile"], arguments, variables) : AppHostProcess.Start(arguments, variables);
        return new RunningAppHost(process, new Uri($"http://localhost:{dashboard}"), temporary);
    }

    /// <summary>Reads the AppHost's output until the whole graph is up; then the processes of the run are known.</summary>
    public async Task WaitUntilUpAsync()
    {
        // Platform.Hosting's startup report: "All N resources are up after S s."
        await WaitForLineAsync("resources are up after");
        _started.UnionWith(ProcessTree.OfRun(AppHostId()));
    }

    /// <summary>Reads the output up to the first line with <paramref name="text"/>; fails with the output so far if the
    /// AppHost exits first.</summary>
    public async Task<string> WaitForLineAsync(string text)
    {
        using var timeout = new CancellationTokenSource(StartPatience);
        while (await Process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            _output.Add(line);
            if (line.Contains(text, StringComparison.Ordinal))
            {
                // Keep draining so the AppHost never blocks on a full pipe.
                _ = DrainAsync(Process.StandardOutput);
                _ = DrainAsync(Process.StandardError);
                return line;
            }
        }
        Assert.Fail($"The AppHost exited before '{text}'. Its output:{Environment.NewLine}{Output}{await Process.StandardError.ReadToEndAsync()}");
        return "";
    }

    public string Output => string.Join(Environment.NewLine, _output);

    public bool IsGone => !_started.Any(ProcessTree.IsAlive);

    public static bool IsFree(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>Ctrl+C if it still runs, then SIGKILL of everything of the run that is left.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            Signals.Send(Process.Id, Signal.Interrupt);
            try
            {
                await Process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(15)).Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
        foreach (var pid in _started.Prepend(Process.Id).Where(ProcessTree.IsAlive))
        {
            Signals.Send(pid, Signal.Kill);
        }
        await Eventually.TrueAsync(() => IsGone, TimeSpan.FromSeconds(10), "what the test started to be gone");
        ProcessTree.RemoveRuntimeFilesOf([Process.Id, .. _started]);
        Directory.Delete(_temporaryDirectory, recursive: true);
        Process.Dispose();
    }

    /// <summary>The AppHost's own process: this one, or the child of <c>dotnet run</c>.</summary>
    public int AppHostId() =>
        ProcessTree.Descendants(Process.Id).FirstOrDefault(pid => ProcessTree.CommandLineOf(pid).Any(a => a.EndsWith("Platform.AppHost.dll", StringComparison.Ordinal) || a.EndsWith("/Platform.AppHost", StringComparison.Ordinal)))
        is var child and not 0 ? child : Process.Id;

    private static async Task DrainAsync(StreamReader reader)
    {
        try
        {
            await reader.ReadToEndAsync();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
