using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Platform.Hosting.PostgreSQL;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Graph;

/// <summary>The AppHost's own graph, started once through Aspire.Hosting.Testing for every test in the "graph" collection,
/// on its own empty data folder, and torn down after.</summary>
public sealed class GraphFixture : IAsyncLifetime
{
    /// <summary>How long the whole graph may take to become healthy from a cold start (emulator install included).</summary>
    private static readonly TimeSpan StartPatience = TimeSpan.FromMinutes(5);

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("platform-test-").FullName;
    private Type? _databaseOwner;

    public DistributedApplication App { get; private set; } = null!;

    internal ResourceStates Resources { get; private set; } = null!;

    /// <summary>The graph's resources that run or hold data (not its parameters, nor what Aspire starts only on demand).</summary>
    public IReadOnlyList<string> Topology { get; private set; } = [];

    /// <summary>Gives a test class the graph's database fresh (migrated, with no rows) at its first test. The tests of a
    /// collection run one class after another, so each class sees only its own rows.</summary>
    public async Task UseFreshDatabaseAsync(Type testClass)
    {
        if (_databaseOwner != testClass)
        {
            await App.ResetDatabaseAsync("platformdb");
            _databaseOwner = testClass;
        }
    }

    public async Task InitializeAsync()
    {
        // With Aspire's dashboard, as a user has it: the telemetry tests read what the services sent it.
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Platform_AppHost>(
            [$"--Platform:DataDirectory={_dataDirectory}"], (options, _) => options.DisableDashboard = false);
        // Every test signs in from the same address: the per-address limits would throttle the run itself. Registration
        // is confirmed by mail, as outside Development.
        builder.CreateResourceBuilder<ProjectResource>("identity")
            .WithEnvironment("Identity__SignInRequestsPerMinute", "100000")
            .WithEnvironment("Identity__AuthorizeRequestsPerMinute", "100000")
            .WithEnvironment("Identity__SignInThrottle__AddressFreeFailures", "100000")
            .WithEnvironment("Identity__RequireConfirmedEmail", "true");
        App = await builder.BuildAsync();
        Resources = new ResourceStates(App);
        using var patience = new CancellationTokenSource(StartPatience);
        await App.StartAsync(patience.Token);
        var steps = RunOnceSteps(builder.Resources);
        Topology = [.. builder.Resources.Where(r => r is not ParameterResource && !r.HasAnnotationOfType<ExplicitStartupAnnotation>()).Select(r => r.Name)];
        foreach (var resource in builder.Resources.Where(r => Topology.Contains(r.Name)))
        {
            if (steps.Contains(resource))
            {
                await App.ResourceNotifications.WaitForResourceAsync(resource.Name, KnownResourceStates.TerminalStates, patience.Token);
            }
            else
            {
                await App.ResourceNotifications.WaitForResourceHealthyAsync(resource.Name, patience.Token);
            }
        }
    }

    /// <summary>The resources that others wait for to complete (migrations, setup steps).</summary>
    internal static HashSet<IResource> RunOnceSteps(IEnumerable<IResource> resources) =>
        [.. resources.SelectMany(r => r.Annotations.OfType<WaitAnnotation>()).Where(w => w.WaitType == WaitType.WaitForCompletion).Select(w => w.Resource)];

    public async Task DisposeAsync()
    {
        await Resources.DisposeAsync();
        await App.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
