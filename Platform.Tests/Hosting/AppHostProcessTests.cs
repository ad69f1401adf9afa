using System.Diagnostics;
using Platform.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Platform.Tests.Hosting;

/// <summary>What Platform keeps on top of Aspire, checked on the AppHost as a user runs it: a process of its own.</summary>
public sealed class AppHostProcessTests(ITestOutputHelper testOutput) : IDisposable
{
    private static readonly TimeSpan GonePatience = TimeSpan.FromSeconds(30);

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("platform-apphost-").FullName;

    [Fact]
    public async Task Killing_the_AppHost_with_SIGKILL_leaves_no_process_behind()
    {
        await using var appHost = RunningAppHost.Start(_dataDirectory);
        await appHost.WaitUntilUpAsync();
        Assert.True(appHost.Started.Count >= 12, $"expected the graph's processes, found {appHost.Started.Count}");

        var killed = Stopwatch.StartNew();
        Assert.True(Signals.Send(appHost.Process.Id, Signal.Kill));

        await Eventually.TrueAsync(() => appHost.IsGone, GonePatience, "every process of the run to be gone");
        testOutput.WriteLine($"Everything was gone {killed.Elapsed.TotalSeconds:0.0} s after the AppHost was killed.");
    }

    [Fact]
    public async Task Ctrl_C_stops_every_process_and_the_AppHost_exits_cleanly()
    {
        await using var appHost = RunningAppHost.Start(_dataDirectory);
        await appHost.WaitUntilUpAsync();

        var stopping = Stopwatch.StartNew();
        Assert.True(Signals.Send(appHost.Process.Id, Signal.Interrupt));
        await appHost.Process.WaitForExitAsync(new CancellationTokenSource(GonePatience).Token);

        Assert.Equal(0, appHost.Process.ExitCode);
        await Eventually.TrueAsync(() => appHost.IsGone, GonePatience, "every process of the run to be gone");
        testOutput.WriteLine($"Everything was gone {stopping.Elapsed.TotalSeconds:0.0} s after Ctrl+C.");
    }

    [Fact]
    public async Task Killing_dotnet_run_with_SIGKILL_stops_the_run_and_frees_the_dashboards_port_for_the_next()
    {
        await using (var run = RunningAppHost.Start(_dataDirectory, withDotnetRun: true))
        {
            await run.WaitUntilUpAsync();
            Assert.Contains(run.AppHostId(), run.Started);

            Assert.True(Signals.Send(run.Process.Id, Signal.Kill));

            await Eventually.TrueAsync(() => run.IsGone && RunningAppHost.IsFree(run.Dashboard.Port), GonePatience,
                "the AppHost and every process of its run to be gone, and the dashboard's port free");
        }
        // The next run starts on the same data, as after any other stop.
        await using var next = RunningAppHost.Start(_dataDirectory);
        await next.WaitUntilUpAsync();
    }

    [Fact]
    public async Task Every_resource_runs_unprivileged_and_gets_none_of_the_AppHosts_own_secrets()
    {
        var secrets = new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = "AKIASENTINEL0000",
            ["AWS_SECRET_ACCESS_KEY"] = "sentinel-aws-secret",
            ["Parameters__sentinel"] = "sentinel-parameter",
            ["ConnectionStrings__sentinel"] = "Host=sentinel;Password=sentinel-password",
        };
        await using var appHost = RunningAppHost.Start(_dataDirectory, secrets);
        await appHost.WaitUntilUpAsync();

        var processes = appHost.Started.Select(pid => (Pid: pid, CommandLine: string.Join(' ', ProcessTree.CommandLineOf(pid)))).ToList();
        string[] resources = ["bin/postgres -D", "s3rver/emulator.js", "Rnwood.Smtp4dev.dll", "Platform.Api.dll", "Platform.Worker.dll", "Platform.Web.dll", "Platform.Identity.dll"];
        foreach (var program in resources.Append("redis-server"))
        {
            Assert.Contains(processes, p => p.CommandLine.Contains(program, StringComparison.Ordinal));
        }
        // The AppHost itself was given them; nothing it starts gets them.
        foreach (var (pid, commandLine) in processes.Where(p => p.Pid != appHost.AppHostId()))
        {
            Assert.DoesNotContain(ProcessTree.EnvironmentOf(pid),
                variable => secrets.Any(s => variable.StartsWith(s.Key + "=", StringComparison.Ordinal) || variable.Contains(s.Value, StringComparison.Ordinal)));
        }
        // redis-server writes its title over its command line; the others are found by theirs. Aspire's own processes
        // (DCP, the dashboard) keep the AppHost's user.
        if (Environment.UserName == "root")
        {
            foreach (var (pid, commandLine) in processes.Where(p => resources.Any(r => p.CommandLine.Contains(r, StringComparison.Ordinal))))
            {
                Assert.True(ProcessTree.UserOf(pid) is { Real: not 0, Effective: not 0 }, $"'{commandLine}' runs as {ProcessTree.UserOf(pid)}");
            }
        }
    }

    [Fact]
    public async Task Data_in_a_folder_only_its_owner_may_enter_is_reached_by_the_service_account_which_the_AppHost_says()
    {
        // As a root user's home (mode 700) that holds the checkout.
        var home = Directory.CreateDirectory(Path.Combine(_dataDirectory, "home"));
        File.SetUnixFileMode(home.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        await using var appHost = RunningAppHost.Start(Path.Combine(home.FullName, "data"));
        await appHost.WaitUntilUpAsync();

        if (Environment.UserName == "root")
        {
            Assert.Contains($"User 'platform' may now enter '{home.FullName}'", appHost.Output);
        }
        Assert.False(File.GetUnixFileMode(home.FullName).HasFlag(UnixFileMode.OtherExecute), "the folder was opened to everyone");
    }

    [Fact]
    public async Task Missing_servers_are_all_named_with_their_install_commands_before_anything_starts()
    {
        var (exitCode, output, error) = await AppHostProcess.RunAsync(TimeSpan.FromMinutes(2), [$"--Platform:DataDirectory={_dataDirectory}"],
            new Dictionary<string, string>
            {
                ["PATH"] = Path.GetDirectoryName(Environment.ProcessPath)!,
                ["PLATFORM_POSTGRES_BIN"] = "/nonexistent",
                ["ASPNETCORE_URLS"] = "http://localhost:0",
                ["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true",
            });

        Assert.NotEqual(0, exitCode);
        var message = output + error;
        Assert.Contains("Missing programs needed to run the application locally", message);
        foreach (var install in (string[])["apt-get install -y postgresql", "apt-get install -y redis-server", "apt-get install -y nodejs npm"])
        {
            Assert.Contains(install, message);
        }
        Assert.False(Directory.Exists(Path.Combine(_dataDirectory, "pg")), "PostgreSQL's data folder was made although nothing should start");
    }

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);
}
