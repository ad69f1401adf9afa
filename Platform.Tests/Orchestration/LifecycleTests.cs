using Microsoft.Extensions.DependencyInjection;
using Platform.Hosting;
using Platform.Hosting.Executables;
using Platform.Hosting.Orchestration;
using Platform.Hosting.PostgreSQL;
using Platform.Hosting.Redis;
using Platform.Hosting.S3;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Orchestration;

public sealed class LifecycleTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task After_the_app_is_disposed_no_process_it_started_remains()
    {
        var builder = SmallGraphs.Create();
        var pg = builder.AddPostgres("pg");
        pg.AddDatabase("db");
        pg.AddReadReplica("pg-replica");
        builder.AddRedis("cache");
        builder.AddS3Storage("storage").AddBucket("files");
        builder.AddExecutable("sleeper", "sleep", ".", "600");
        IReadOnlySet<int> started;
        await using (var app = await builder.BuildAsync())
        {
            await app.StartAsync();
            var leaders = app.ResourceNotifications.Snapshots.SelectMany(s => s.ProcessIds).ToList();
            started = ProcessTree.WithDescendants(leaders);
            Assert.Equal(5, leaders.Count);
            Assert.True(started.Count > leaders.Count + 5, "PostgreSQL's workers should count as started too");
        }

        var survivors = started.Where(ProcessTree.IsAlive).ToList();
        Assert.True(survivors.Count == 0, $"still running: {string.Join(", ", survivors)}");
    }

    [Fact]
    public async Task A_resource_that_never_becomes_healthy_is_named_with_its_last_output()
    {
        var builder = SmallGraphs.Create(startupTimeoutSeconds: 2);
        builder.AddExecutable("stuck", "sh", ".", "-c", "echo listening-soon; sleep 600")
            .WithHttpEndpoint(env: "PORT")
            .WithHttpHealthCheck("/ready");
        await using var app = await builder.BuildAsync();

        var failure = await Assert.ThrowsAsync<DistributedApplicationException>(() => app.StartAsync());

        Assert.Contains("'stuck' did not become healthy within 2 s", failure.Message);
        Assert.Contains("listening-soon", failure.Message);
        Assert.Equal(KnownResourceStates.FailedToStart, app.ResourceNotifications.GetSnapshot("stuck").State);
    }

    [Fact]
    public async Task A_failed_run_once_step_stops_the_start_and_says_why()
    {
        var builder = SmallGraphs.Create();
        var migrate = builder.AddExecutable("migrate", "sh", ".", "-c", "echo 'relation already exists' >&2; exit 7");
        builder.AddExecutable("service", "sleep", ".", "600").WaitForCompletion(migrate);
        await using var app = await builder.BuildAsync();

        var failure = await Assert.ThrowsAsync<DistributedApplicationException>(() => app.StartAsync());

        Assert.Contains("'migrate' exited with code 7", failure.Message);
        Assert.Contains("relation already exists", failure.Message);
        var service = app.ResourceNotifications.GetSnapshot("service");
        Assert.Equal(KnownResourceStates.FailedToStart, service.State);
        Assert.Equal("Resource 'service' was not started because 'migrate' failed.", service.Message);
        Assert.Empty(service.ProcessIds);
    }

    [Fact]
    public async Task A_crashing_process_is_restarted_with_growing_delays()
    {
        var clock = new TestClock();
        var builder = SmallGraphs.Create();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.AddExecutable("flaky", "sh", ".", "-c", "exit 3");
        await using var app = await builder.BuildAsync();
        var start = app.StartAsync();

        // Each crash waits its delay on the clock; the next start comes only once the clock has moved that far.
        TimeSpan[] delays = [TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)];
        foreach (var delay in delays)
        {
            await clock.WaitsStartedAsync(delay);
            Assert.Equal(Array.IndexOf(delays, delay) + 1, app.ResourceNotifications.GetSnapshot("flaky").Restarts);
            clock.Advance(delay);
        }
        var snapshot = await app.ResourceNotifications.WaitForResourceAsync("flaky", s => s.Restarts >= 4, new CancellationTokenSource(Patience).Token);

        Assert.Equal(3, snapshot.Replicas[0].ExitCode);
        var log = app.ResourceLogs.GetLog("flaky").Tail(10).Select(l => l.Text).Where(t => t.Contains("restarting in")).ToList();
        Assert.Equal(["restarting in 0.5 s", "restarting in 1 s", "restarting in 2 s", "restarting in 4 s"], log.Take(4).Select(t => t[t.IndexOf("restarting", StringComparison.Ordinal)..]));
        await app.StopAsync();
        await start.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    [Fact]
    public async Task A_missing_program_is_named_with_how_to_install_it()
    {
        var builder = SmallGraphs.Create();
        builder.AddExecutable("tool", "platform-no-such-program", ".");
        await using var app = await builder.BuildAsync();

        var failure = await Assert.ThrowsAsync<DistributedApplicationException>(() => app.StartAsync());

        Assert.Contains("platform-no-such-program", failure.Message);
        Assert.Contains("install", failure.Message);
    }

    [Fact]
    public async Task Missing_servers_are_all_named_with_their_install_commands_before_anything_starts()
    {
        var builder = SmallGraphs.Create();
        builder.AddPostgres("pg");
        builder.AddRedis("cache");
        await using var app = await builder.BuildAsync();
        var path = Environment.GetEnvironmentVariable("PATH");
        var toolsWithoutRedis = Directory.CreateTempSubdirectory("platform-path-").FullName;
        foreach (var tool in new[] { "setsid", "setpriv", "dotnet", "chown" })
        {
            File.CreateSymbolicLink(Path.Combine(toolsWithoutRedis, tool), NativeTool.FindOnPath(tool)!);
        }
        Environment.SetEnvironmentVariable("PATH", toolsWithoutRedis);
        Environment.SetEnvironmentVariable("PLATFORM_POSTGRES_BIN", toolsWithoutRedis);
        try
        {
            var failure = await Assert.ThrowsAsync<DistributedApplicationException>(() => app.StartAsync());

            Assert.Contains("redis-server: install it with `apt-get install -y redis-server`", failure.Message);
            Assert.Contains("postgres (PostgreSQL 14 or newer: postgres, initdb, pg_basebackup): install it with `apt-get install -y postgresql`", failure.Message);
            Assert.All(app.ResourceNotifications.Snapshots, s => Assert.Empty(s.ProcessIds));
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
            Environment.SetEnvironmentVariable("PLATFORM_POSTGRES_BIN", null);
            Directory.Delete(toolsWithoutRedis, recursive: true);
        }
    }

    [Fact]
    public void Waiting_in_a_cycle_is_refused_when_the_graph_is_built()
    {
        var builder = SmallGraphs.Create();
        var a = builder.AddExecutable("a", "sleep", ".", "1");
        var b = builder.AddExecutable("b", "sleep", ".", "1").WaitFor(a);
        a.WaitFor(b);

        var failure = Assert.Throws<DistributedApplicationException>(() => builder.Build());

        Assert.Contains("cycle", failure.Message);
        Assert.Contains("a -> b -> a", failure.Message);
        Assert.False(Directory.Exists(builder.Configuration["Platform:DataDirectory"]), "a graph that failed to build keeps no data folder");
    }

    [Fact]
    public async Task A_test_graph_has_its_data_folder_from_its_build_to_its_disposal()
    {
        var neverBuilt = SmallGraphs.Create();
        var builder = SmallGraphs.Create();
        builder.AddExecutable("sleeper", "sleep", ".", "600");
        var folder = builder.Configuration["Platform:DataDirectory"]!;

        await using (var app = await builder.BuildAsync())
        {
            await app.StartAsync();
            Assert.True(Directory.Exists(folder));
        }

        Assert.False(Directory.Exists(folder));
        Assert.False(Directory.Exists(neverBuilt.Configuration["Platform:DataDirectory"]));
    }
}
