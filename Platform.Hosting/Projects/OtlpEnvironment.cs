using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Platform.Hosting.ApplicationModel;
using Platform.Hosting.Orchestration;

namespace Platform.Hosting.Projects;

/// <summary>
/// The OpenTelemetry variables Aspire gives a project in run mode, so that its SDK exports to the dashboard
/// (research: Aspire's OtlpConfigurationExtensions). Publish mode gets none of them: the deployment names its
/// own collector.
/// </summary>
internal static class OtlpEnvironment
{
    /// <summary>Aspire's configuration names, which the dashboard sets for this run.</summary>
    public const string GrpcEndpointKey = "ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL";
    public const string HttpEndpointKey = "ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL";
    public const string ApiKeyKey = "AppHost:OtlpApiKey";
    public const string ApiKeyHeader = "x-otlp-api-key";

    /// <summary>Aspire's fallback when no dashboard endpoint is configured.</summary>
    private const string DefaultEndpoint = "http://localhost:18889";

    public static void Add(EnvironmentCallbackContext context, IResource resource, IConfiguration configuration, IHostEnvironment environment)
    {
        if (context.ExecutionContext.IsPublishMode)
        {
            return;
        }
        var variables = context.EnvironmentVariables;
        var (endpoint, protocol) = configuration[GrpcEndpointKey] is { Length: > 0 } grpc ? (grpc, "grpc")
            : configuration[HttpEndpointKey] is { Length: > 0 } http ? (http, "http/protobuf")
            : (DefaultEndpoint, "grpc");
        variables["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint;
        variables["OTEL_EXPORTER_OTLP_PROTOCOL"] = protocol;
        // One id per replica, filled in by the orchestrator as Aspire's DCP fills this template in.
        variables["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={ProcessTemplates.ServiceInstanceId}";
        variables["OTEL_SERVICE_NAME"] = resource.Name;
        if (configuration[ApiKeyKey] is { Length: > 0 } key)
        {
            variables["OTEL_EXPORTER_OTLP_HEADERS"] = $"{ApiKeyHeader}={key}";
        }
        if (environment.IsDevelopment())
        {
            // Export every second and sample everything, so that the dashboard shows a request right after it.
            variables["OTEL_BLRP_SCHEDULE_DELAY"] = "1000";
            variables["OTEL_BSP_SCHEDULE_DELAY"] = "1000";
            variables["OTEL_METRIC_EXPORT_INTERVAL"] = "1000";
            variables["OTEL_TRACES_SAMPLER"] = "always_on";
            variables["OTEL_METRICS_EXEMPLAR_FILTER"] = "trace_based";
        }
    }
}
