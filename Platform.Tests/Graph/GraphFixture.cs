using Platform.Hosting;
using Platform.Hosting.Testing;

namespace Platform.Tests.Graph;

/// <summary>The AppHost's own graph, started once for every test in the "graph" collection, and torn down after.</summary>
public sealed class GraphFixture : IAsyncLifetime
{
    public DistributedApplication App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Platform_AppHost>();
        App = await builder.BuildAsync();
        await App.StartAsync();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

[CollectionDefinition("graph")]
public sealed class GraphCollection : ICollectionFixture<GraphFixture>;
