using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Platform.Hosting.Dashboard.Telemetry;

internal static class TelemetryServiceCollectionExtensions
{
    public static IServiceCollection AddTelemetryStores(this IServiceCollection services)
    {
        services.AddSingleton(provider => new OtlpValues(provider.GetRequiredService<IOptions<DashboardOptions>>().Value.Telemetry));
        services.AddSingleton(provider => new TraceStore(Limits(provider), provider.GetRequiredService<OtlpValues>()));
        services.AddSingleton(provider => new LogStore(Limits(provider), provider.GetRequiredService<OtlpValues>()));
        services.AddSingleton(provider => new MetricStore(Limits(provider), provider.GetRequiredService<OtlpValues>()));
        return services;
    }

    private static TelemetryLimits Limits(IServiceProvider provider) => provider.GetRequiredService<IOptions<DashboardOptions>>().Value.Telemetry;
}
