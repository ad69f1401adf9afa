using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Hosting;
using Platform.Hosting.ApplicationModel;
using Platform.Hosting.Executables;
using Platform.Hosting.Orchestration;
using Platform.Hosting.Testing;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Orchestration;

/// <summary>Stop, start and restart of one resource while the rest of the graph runs (the dashboard's commands).</summary>
[Trait("Tier", "Fast")]
public sealed class ResourceCommandTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Stop_ends_the_process_and_start_brings_up_a_new_one()
    {
        await using var app = await SmallGraphs.StartAsync(SmallGraphs.Sleeper());
        var commands = CommandsOf(app);
        var pid = Assert.Single(app.ResourceNotifications.GetSnapshot("sleeper").ProcessIds);

        var stopped = await commands.ExecuteCommandAsync("sleeper", KnownResourceCommands.StopCommand);

        Assert.Equal(KnownResourceStates.Exited, stopped.State);
        Assert.Empty(stopped.ProcessIds);
        Assert.False(ProcessTree.IsAlive(pid));

        var started = await commands.ExecuteCommandAsync("sleeper", KnownResourceCommands.StartCommand);

        Assert.True(started.IsHealthy, $"sleeper is {started.State}/{started.Health}");
        Assert.NotEqual(pid, Assert.Single(started.ProcessIds));
    }

    [Fact]
    public async Task Restart_replaces_the_process_and_is_not_counted_as_a_crash()
    {
        await using var app = await SmallGraphs.StartAsync(SmallGraphs.Sleeper());
        var commands = CommandsOf(app);
        var pid = Assert.Single(app.ResourceNotifications.GetSnapshot("sleeper").ProcessIds);

        var restarted = await commands.ExecuteCommandAsync("sleeper", KnownResourceCommands.RestartCommand);

        Assert.True(restarted.IsHealthy, $"sleeper is {restarted.State}/{restarted.Health}");
        Assert.NotEqual(pid, Assert.Single(restarted.ProcessIds));
        Assert.False(ProcessTree.IsAlive(pid));
        Assert.Equal(0, restarted.Restarts);
    }

    [Fact]
    public async Task Stopping_a_dependency_leaves_what_waits_for_it_running()
    {
        await using var app = await SmallGraphs.StartAsync(ServiceWaitingForDbAndCache());
        var commands = CommandsOf(app);
        var service = app.ResourceNotifications.GetSnapshot("service");

        await commands.ExecuteCommandAsync("db", KnownResourceCommands.StopCommand);

        var after = app.ResourceNotifications.GetSnapshot("service");
        Assert.True(after.IsHealthy);
        Assert.Equal(service.ProcessIds, after.ProcessIds);
    }

    [Fact]
    public async Task A_resource_started_while_its_dependency_is_stopped_waits_for_the_dependency()
    {
        await using var app = await SmallGraphs.StartAsync(ServiceWaitingForDbAndCache());
        var commands = CommandsOf(app);
        await commands.ExecuteCommandAsync("service", KnownResourceCommands.StopCommand);
        await commands.ExecuteCommandAsync("db", KnownResourceCommands.StopCommand);
        using var watching = new CancellationTokenSource();
        var changes = new List<ResourceSnapshot>();
        var watch = WatchAsync(app, changes, watching.Token);

        var waiting = await commands.ExecuteCommandAsync("service", KnownResourceCommands.StartCommand);

        Assert.Equal(KnownResourceStates.Waiting, waiting.State);
        Assert.Equal(["db"], waiting.WaitingFor.ToArray());
        Assert.Empty(waiting.ProcessIds);

        await commands.ExecuteCommandAsync("db", KnownResourceCommands.StartCommand);

        var running = await app.ResourceNotifications.WaitForResourceHealthyAsync("service", new CancellationTokenSource(Patience).Token);
        Assert.Single(running.ProcessIds);
        await watching.CancelAsync();
        await watch;
        // In the order the changes happened: the service got a process only after db was up again.
        var dbUp = changes.FindIndex(s => s.Name == "db" && s.IsHealthy);
        var serviceProcess = changes.FindIndex(s => s.Name == "service" && s.ProcessIds.Any());
        Assert.True(dbUp >= 0 && serviceProcess > dbUp, $"db up at change {dbUp}, service's process at change {serviceProcess}");
    }

    [Fact]
    public async Task Restarting_a_resource_whose_dependencies_are_up_reports_it_running_not_waiting()
    {
        await using var app = await SmallGraphs.StartAsync(ServiceWaitingForDbAndCache());
        var commands = CommandsOf(app);

        var restarted = await commands.ExecuteCommandAsync("service", KnownResourceCommands.RestartCommand);

        Assert.True(restarted.IsHealthy, $"service is {restarted.State}/{restarted.Health}");
    }

    [Fact]
    public async Task Stopping_a_server_stops_what_lives_inside_it_and_starting_it_brings_both_back()
    {
        var builder = SmallGraphs.Create();
        var server = builder.AddExecutable("server", "sleep", ".", "600");
        builder.AddResource(new Inside("inside", server.Resource)).WithAnnotation(new LocalRunnerAnnotation(new ProcessFreeRunner(HealthStatus.Healthy)));
        await using var app = await SmallGraphs.StartAsync(builder);
        var commands = CommandsOf(app);

        await commands.ExecuteCommandAsync("server", KnownResourceCommands.StopCommand);

        Assert.Equal(KnownResourceStates.Exited, app.ResourceNotifications.GetSnapshot("inside").State);

        await commands.ExecuteCommandAsync("server", KnownResourceCommands.StartCommand);

        await app.ResourceNotifications.WaitForResourceHealthyAsync("inside", new CancellationTokenSource(Patience).Token);
    }

    [Fact]
    public async Task An_unknown_command_or_resource_is_refused_with_what_exists()
    {
        await using var app = await SmallGraphs.StartAsync(SmallGraphs.Sleeper());
        var commands = CommandsOf(app);

        var command = await Assert.ThrowsAsync<ArgumentException>(() => commands.ExecuteCommandAsync("sleeper", "resource-explode"));
        Assert.Contains(KnownResourceCommands.RestartCommand, command.Message);
        var resource = await Assert.ThrowsAsync<ArgumentException>(() => commands.ExecuteCommandAsync("ghost", KnownResourceCommands.StopCommand));
        Assert.Contains("sleeper", resource.Message);
    }

    /// <summary>Records every change of state, in order, until cancelled.</summary>
    private static async Task WatchAsync(DistributedApplication app, List<ResourceSnapshot> changes, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var snapshot in app.ResourceNotifications.WatchAsync(cancellationToken))
            {
                changes.Add(snapshot);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static IDistributedApplicationTestingBuilder ServiceWaitingForDbAndCache()
    {
        var builder = SmallGraphs.Create();
        var db = builder.AddExecutable("db", "sleep", ".", "600");
        var cache = builder.AddExecutable("cache", "sleep", ".", "600");
        // Two dependencies: a start finds both up already (their waits pass at once, with one cached task).
        builder.AddExecutable("service", "sleep", ".", "600").WaitFor(db).WaitFor(cache);
        return builder;
    }

    private static ResourceCommandService CommandsOf(DistributedApplication app) => app.Services.GetRequiredService<ResourceCommandService>();

    private sealed class Inside(string name, IResource parent) : Resource(name), IResourceWithParent
    {
        public IResource Parent { get; } = parent;
    }
}
