using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Hosting.ApplicationModel;
using Platform.Hosting.Orchestration;

namespace Platform.Tests.Orchestration;

/// <summary>
/// How often the orchestrator probes a resource once it is up: each probe of a service runs that service's checks of
/// PostgreSQL, Redis and S3, so the cadence is load on the whole graph (Aspire's: 30 s while healthy, 1-5 s while not).
/// </summary>
public sealed class HealthProbeTests
{
    [Fact]
    public async Task A_healthy_resource_is_left_alone_and_a_degraded_one_is_probed_again_within_seconds()
    {
        var builder = SmallGraphs.Create();
        var healthy = new ProcessFreeRunner(HealthStatus.Healthy);
        var degraded = new ProcessFreeRunner(HealthStatus.Degraded);
        builder.AddResource(new Probed("steady")).WithAnnotation(new LocalRunnerAnnotation(healthy));
        builder.AddResource(new Probed("limping")).WithAnnotation(new LocalRunnerAnnotation(degraded));
        await using var app = await builder.BuildAsync();

        await app.StartAsync();
        await Task.Delay(TimeSpan.FromSeconds(5));

        // Probe times from each resource's first probe (the one that found it up), in a window of 4.5 s.
        Assert.Empty(healthy.ProbesWithin(TimeSpan.FromSeconds(4.5)));
        // Then 1 s later, and 2 s after that; the next would come 3 s later still.
        Assert.Equal(2, degraded.ProbesWithin(TimeSpan.FromSeconds(4.5)).Count);
    }

    private sealed class Probed(string name) : Resource(name);
}
