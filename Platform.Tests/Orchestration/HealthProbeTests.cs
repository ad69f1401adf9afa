using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Hosting.ApplicationModel;
using Platform.Hosting.Orchestration;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Orchestration;

/// <summary>
/// How often the orchestrator probes a resource once it is up: each probe of a service runs that service's checks of
/// PostgreSQL, Redis and S3, so the cadence is load on the whole graph (Aspire's: 30 s while healthy, 1-5 s while not).
/// </summary>
[Trait("Tier", "Fast")]
public sealed class HealthProbeTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_healthy_resource_is_probed_every_30_s_and_a_degraded_one_after_1_2_3_s()
    {
        var clock = new TestClock();
        var builder = SmallGraphs.Create();
        builder.Services.AddSingleton<TimeProvider>(clock);
        var healthy = new ProcessFreeRunner(HealthStatus.Healthy);
        var degraded = new ProcessFreeRunner(HealthStatus.Degraded);
        builder.AddResource(new Probed("steady")).WithAnnotation(new LocalRunnerAnnotation(healthy));
        builder.AddResource(new Probed("limping")).WithAnnotation(new LocalRunnerAnnotation(degraded));
        await using var app = await builder.BuildAsync();

        // The first probe of each finds it up.
        await app.StartAsync();
        await clock.WaitsStartedAsync(TimeSpan.FromSeconds(30));
        await clock.WaitsStartedAsync(TimeSpan.FromSeconds(1));

        for (var step = 1; step <= 3; step++)
        {
            clock.Advance(TimeSpan.FromSeconds(step));
            await Eventually.TrueAsync(() => degraded.Probes == step + 1, Patience, $"probe {step + 1} of the degraded resource");
            await clock.WaitsStartedAsync(TimeSpan.FromSeconds(step + 1));
        }
        // 6 s in: the healthy one has not been probed again.
        Assert.Equal(1, healthy.Probes);
        Assert.Equal(4, degraded.Probes);

        clock.Advance(TimeSpan.FromSeconds(24));
        await Eventually.TrueAsync(() => healthy.Probes == 2, Patience, "the healthy resource's probe at 30 s");
    }

    private sealed class Probed(string name) : Resource(name);
}
