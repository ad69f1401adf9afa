using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.Hosting.Orchestration;

/// <summary>
/// Probes a running replica on a schedule. Until it is first ready, often: what waits for it starts that much sooner.
/// After that, Aspire's cadence: every 30 s while healthy, every 1, 2, 3, 4, then 5 s while not (Degraded counts as not
/// healthy). Each probe of a service runs its own checks of PostgreSQL, Redis and S3, so probing more often is load on
/// every part of the graph.
/// </summary>
internal sealed class HealthMonitor(ILocalRunner runner, TimeProvider time)
{
    private static readonly TimeSpan StartingProbeInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan HealthyProbeInterval = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan NotHealthyProbeStep = TimeSpan.FromSeconds(1);
    private const int NotHealthyProbeMaxSteps = 5;
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Probes until cancelled, reporting each result; <paramref name="ready"/> runs on every result that is not Unhealthy.</summary>
    public async Task MonitorAsync(LocalRunContext context, Action<HealthStatus> report, Action ready, CancellationToken cancellationToken)
    {
        var everReady = false;
        var notHealthyInARow = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var health = await CheckAsync(context, cancellationToken);
            report(health);
            if (health != HealthStatus.Unhealthy)
            {
                everReady = true;
                ready();
            }
            notHealthyInARow = health == HealthStatus.Healthy ? 0 : notHealthyInARow + 1;
            await Task.Delay(NextProbeDelay(everReady, notHealthyInARow), time, cancellationToken);
        }
    }

    private static TimeSpan NextProbeDelay(bool everReady, int notHealthyInARow) =>
        !everReady ? StartingProbeInterval
        : notHealthyInARow == 0 ? HealthyProbeInterval
        : NotHealthyProbeStep * Math.Min(NotHealthyProbeMaxSteps, notHealthyInARow);

    private async Task<HealthStatus> CheckAsync(LocalRunContext context, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(ProbeTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await runner.CheckHealthAsync(context, linked.Token);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthStatus.Unhealthy;
        }
    }
}
