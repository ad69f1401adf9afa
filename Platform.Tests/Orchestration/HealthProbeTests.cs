using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Hosting;
using Platform.Hosting.ApplicationModel;
using Platform.Hosting.Orchestration;
using Platform.Tests.Infrastructure;

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
        var healthy = new CountingRunner(HealthStatus.Healthy);
        var degraded = new CountingRunner(HealthStatus.Degraded);
        builder.AddResource(new Probed("steady")).WithAnnotation(new LocalRunnerAnnotation(healthy));
        builder.AddResource(new Probed("limping")).WithAnnotation(new LocalRunnerAnnotation(degraded));
        await using var app = await builder.BuildAsync();

        await app.StartAsync();
        var probesAtStart = (Healthy: healthy.Probes, Degraded: degraded.Probes);
        await Task.Delay(TimeSpan.FromSeconds(4.5));

        Assert.Equal(0, healthy.Probes - probesAtStart.Healthy);
        // 1 s, then 2 s later: two more probes in 4.5 s (the next comes 3 s after those).
        Assert.Equal(2, degraded.Probes - probesAtStart.Degraded);
    }

    private sealed class Probed(string name) : Resource(name);

    private sealed class CountingRunner(HealthStatus health) : ILocalRunner
    {
        private int _probes;

        public int Probes => Volatile.Read(ref _probes);

        public IEnumerable<NativeTool> RequiredTools => [];

        public Task<ProcessSpec?> PrepareAsync(LocalRunContext context, CancellationToken cancellationToken) => Task.FromResult<ProcessSpec?>(null);

        public Task<HealthStatus> CheckHealthAsync(LocalRunContext context, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _probes);
            return Task.FromResult(health);
        }
    }
}
