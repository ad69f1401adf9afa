using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Hosting.Health;

namespace Aspire.Hosting;

public static class ReadinessCheckExtensions
{
    /// <summary>The resource is healthy when <paramref name="probe"/> says so; it is probed until it does, for up to two
    /// seconds per check (<see cref="ReadinessCheck"/>).</summary>
    public static IResourceBuilder<T> WithReadinessCheck<T>(this IResourceBuilder<T> builder, Func<IServiceProvider, CancellationToken, Task<HealthCheckResult>> probe)
        where T : IResource
    {
        var key = $"{builder.Resource.Name}_readiness";
        builder.ApplicationBuilder.Services.AddHealthChecks().Add(new HealthCheckRegistration(key,
            services => new ReadinessCheck(cancellationToken => probe(services, cancellationToken)), failureStatus: null, tags: null));
        return builder.WithHealthCheck(key);
    }
}
