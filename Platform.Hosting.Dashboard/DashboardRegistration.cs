using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Hosting.Dashboard.Telemetry;
using Platform.Hosting.Orchestration;
using Platform.Hosting.Projects;

[assembly: Platform.Hosting.Dashboard.Dashboard(typeof(Platform.Hosting.Dashboard.DashboardRegistration))]

namespace Platform.Hosting.Dashboard;

/// <summary>The dashboard that Platform.Hosting loads for a run.</summary>
public sealed class DashboardRegistration : IDashboard
{
    /// <summary>
    /// Adds the dashboard to a run: picks its ports (0 means a free one), makes this run's browser token and OTLP
    /// key, and puts the OTLP address and key where the projects' environment reads them, under Aspire's names.
    /// </summary>
    public void AddTo(IServiceCollection services, ConfigurationManager configuration)
    {
        var section = configuration.GetSection(DashboardOptions.SectionName);
        services.AddOptions<DashboardOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        var options = section.Get<DashboardOptions>() ?? new DashboardOptions();
        if (!options.Enabled)
        {
            return;
        }
        int[] requested = [options.Port, options.OtlpGrpcPort, options.OtlpHttpPort];
        var free = new Queue<int>(PortAllocator.Allocate(requested.Count(p => p == 0)));
        var ports = requested.Select(p => p == 0 ? free.Dequeue() : p).ToArray();
        var endpoints = new DashboardEndpoints
        {
            Port = ports[0],
            OtlpGrpcPort = ports[1],
            OtlpHttpPort = ports[2],
            BrowserToken = options.BrowserToken is { Length: > 0 } token ? token
                : configuration["ASPIRE_DASHBOARD_FRONTEND_BROWSERTOKEN"] is { Length: > 0 } aspireToken ? aspireToken
                : DashboardEndpoints.GenerateToken(),
            OtlpApiKey = DashboardEndpoints.GenerateToken(),
        };
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [OtlpEnvironment.GrpcEndpointKey] = endpoints.OtlpGrpcUrl,
            [OtlpEnvironment.HttpEndpointKey] = endpoints.OtlpHttpUrl,
            [OtlpEnvironment.ApiKeyKey] = endpoints.OtlpApiKey,
        });
        services.AddSingleton(endpoints);
        services.AddTelemetryStores();
        services.AddHostedService<DashboardService>();
        // The dashboard's servers and requests are not news on the AppHost's console: it prints its own link.
        services.AddLogging(logging => logging
            .AddFilter("Microsoft.AspNetCore", LogLevel.Warning)
            .AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning)
            .AddFilter("Grpc", LogLevel.Warning));
    }
}
