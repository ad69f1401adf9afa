using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.Hosting.Health;

/// <summary>
/// A health check that keeps probing for a short while before it answers unhealthy: Aspire checks a resource again only
/// 1, 2, 3… seconds after each failure, so a server that needs 300 ms to listen would otherwise be seen healthy a second
/// late, and every resource that waits for it a second later too.
/// </summary>
public sealed class ReadinessCheck(Func<CancellationToken, Task<HealthCheckResult>> probe) : IHealthCheck
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(50);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            HealthCheckResult result;
            try
            {
                result = await probe(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                result = HealthCheckResult.Unhealthy(e.Message, e);
            }
            if (result.Status == HealthStatus.Healthy || DateTime.UtcNow >= deadline)
            {
                return result;
            }
            await Task.Delay(Pause, cancellationToken);
        }
    }
}
