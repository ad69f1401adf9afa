using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Platform.Worker.Telemetry;

namespace Platform.Tests.Workload;

/// <summary>The line the worker writes for the cloud deployment's backlog scaling (README, "Queue backlog metric").</summary>
[Trait("Tier", "Fast")]
public sealed class QueueBacklogMetricTests
{
    [Fact]
    public void The_backlog_line_is_an_embedded_metric_record_of_the_metrics_the_scaling_policy_and_the_dead_letter_alarm_read()
    {
        var at = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

        var line = QueueBacklogPublisher.Format("Platform", "worker", 42, 3, at);

        Assert.DoesNotContain('\n', line);
        var record = JsonNode.Parse(line)!;
        var aws = record["_aws"]!;
        Assert.Equal(at.ToUnixTimeMilliseconds(), aws["Timestamp"]!.GetValue<long>());
        var directive = Assert.Single(aws["CloudWatchMetrics"]!.AsArray())!;
        Assert.Equal("Platform", directive["Namespace"]!.GetValue<string>());
        Assert.Equal(["ServiceName"], Assert.Single(directive["Dimensions"]!.AsArray())!.AsArray().Select(d => d!.GetValue<string>()));
        var metrics = directive["Metrics"]!.AsArray();
        Assert.Equal(["QueueBacklog", "DeadLetteredJobs"], metrics.Select(m => m!["Name"]!.GetValue<string>()));
        Assert.All(metrics, m => Assert.Equal("Count", m!["Unit"]!.GetValue<string>()));
        Assert.Equal("worker", record["ServiceName"]!.GetValue<string>());
        Assert.Equal(42, record["QueueBacklog"]!.GetValue<long>());
        Assert.Equal(3, record["DeadLetteredJobs"]!.GetValue<long>());
    }

    [Fact]
    public void Each_line_reports_the_jobs_dead_lettered_since_the_previous_one()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new WorkerMetrics(services.GetRequiredService<IMeterFactory>(), new HostingEnvironment { ApplicationName = "worker" });

        metrics.Failed("process-asset", final: true);
        metrics.Failed("process-asset", final: false);
        metrics.Failed("verify-asset", final: true);

        Assert.Equal(2, metrics.TakeDeadLettered());
        Assert.Equal(0, metrics.TakeDeadLettered());
    }
}
