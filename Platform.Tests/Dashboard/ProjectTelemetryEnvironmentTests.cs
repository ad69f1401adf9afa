using Microsoft.Extensions.DependencyInjection;
using Platform.Hosting.ApplicationModel;
using Platform.Hosting.Dashboard;
using Platform.Tests.Graph;

namespace Platform.Tests.Dashboard;

/// <summary>Projects get Aspire's OpenTelemetry variables in run mode, pointing at this run's dashboard; never in publish mode.</summary>
[Collection("graph")]
public sealed class ProjectTelemetryEnvironmentTests(GraphFixture fixture)
{
    [Fact]
    public void Each_replica_exports_to_the_dashboard_with_the_key_as_its_own_instance()
    {
        var dashboard = fixture.App.Services.GetRequiredService<DashboardEndpoints>();
        var replicas = fixture.App.ResourceNotifications.GetSnapshot("worker").ProcessIds.Select(EnvironmentOf).ToList();

        Assert.Equal(2, replicas.Count);
        foreach (var environment in replicas)
        {
            Assert.Equal(dashboard.OtlpGrpcUrl, environment["OTEL_EXPORTER_OTLP_ENDPOINT"]);
            Assert.Equal("grpc", environment["OTEL_EXPORTER_OTLP_PROTOCOL"]);
            Assert.Equal("worker", environment["OTEL_SERVICE_NAME"]);
            Assert.Matches("^service.instance.id=worker-[a-z0-9]{8}$", environment["OTEL_RESOURCE_ATTRIBUTES"]);
            Assert.Equal($"x-otlp-api-key={dashboard.OtlpApiKey}", environment["OTEL_EXPORTER_OTLP_HEADERS"]);
            Assert.Equal("1000", environment["OTEL_BLRP_SCHEDULE_DELAY"]);
            Assert.Equal("1000", environment["OTEL_BSP_SCHEDULE_DELAY"]);
            Assert.Equal("1000", environment["OTEL_METRIC_EXPORT_INTERVAL"]);
            Assert.Equal("always_on", environment["OTEL_TRACES_SAMPLER"]);
            Assert.Equal("trace_based", environment["OTEL_METRICS_EXEMPLAR_FILTER"]);
        }
        Assert.NotEqual(replicas[0]["OTEL_RESOURCE_ATTRIBUTES"], replicas[1]["OTEL_RESOURCE_ATTRIBUTES"]);
    }

    [Fact]
    public void Publish_mode_gets_no_dashboard_variables()
    {
        var api = fixture.App.Model.Find("api");

        var published = EnvironmentEvaluation.Expressions(api, new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish));

        Assert.Equal("in_memory", published["OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY"]);
        Assert.DoesNotContain(published.Keys, key => key.StartsWith("OTEL_", StringComparison.Ordinal) && key != "OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY");
    }

    [Fact]
    public void The_OTLP_key_appears_in_no_console_output()
    {
        var key = fixture.App.Services.GetRequiredService<DashboardEndpoints>().OtlpApiKey;

        foreach (var snapshot in fixture.App.ResourceNotifications.Snapshots)
        {
            Assert.DoesNotContain(fixture.App.ResourceLogs.GetLog(snapshot.Name).Tail(int.MaxValue), line => line.Text.Contains(key, StringComparison.Ordinal));
        }
    }

    private static Dictionary<string, string> EnvironmentOf(int processId) =>
        File.ReadAllText($"/proc/{processId}/environ").Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair.Length > 1 ? pair[1] : "", StringComparer.Ordinal);
}
