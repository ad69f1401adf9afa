using Platform.Hosting;
using Platform.Hosting.PostgreSQL;
using Platform.Hosting.Projects;
using Platform.Hosting.Testing;

namespace Platform.Tests.Graph;

/// <summary>The AppHost's own graph, started once for every test in the "graph" collection, and torn down after.</summary>
public sealed class GraphFixture : IAsyncLifetime
{
    private Type? _databaseOwner;

    public DistributedApplication App { get; private set; } = null!;

    /// <summary>Gives a test class the graph's database fresh (migrated, with no rows) at its first test. The
    /// tests of a collection run one class after another, so each class sees only its own rows.</summary>
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
        // The suite's requests make far more metric series (routes, statuses, fuzzed inputs) than a session at the
        // keyboard: the dashboard keeps them all, so that a series a late test waits for is not dropped at the cap.
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Platform_AppHost>(["--Dashboard:Telemetry:MaxMetricSeries=100000"]);
        // Every test signs in from the same address: the per-address limit on sign-ins would throttle the run itself.
        builder.CreateResourceBuilder((ProjectResource)builder.Resources.Single(r => r.Name == "identity"))
            .WithEnvironment("Identity__SignInRequestsPerMinute", "100000");
        App = await builder.BuildAsync();
        await App.StartAsync();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
