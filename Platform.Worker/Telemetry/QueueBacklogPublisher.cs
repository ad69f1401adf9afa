using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Manifest.Conventions;

namespace Platform.Worker.Telemetry;

/// <summary>
/// In the cloud deployment, publishes the queue backlog that the worker's autoscaling tracks, and the jobs it
/// dead-lettered (which the deployment alarms on): once a minute, one line on standard output in CloudWatch's embedded
/// metric format, which CloudWatch Logs turns into the metrics <c>{Namespace}/QueueBacklog</c> and
/// <c>{Namespace}/DeadLetteredJobs</c> with the dimension <c>ServiceName</c>. No CloudWatch permission or client is needed:
/// the line travels with the task's logs. Off unless the deployment sets <c>CloudWatch__Namespace</c>.
/// </summary>
public sealed class QueueBacklogPublisher(WorkerMetrics metrics, IConfiguration configuration) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var metricNamespace = configuration[QueueBacklogMetric.NamespaceKey]!;
        var service = configuration["OTEL_SERVICE_NAME"] ?? "worker";
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            Console.Out.WriteLine(Format(metricNamespace, service, metrics.Waiting, metrics.TakeDeadLettered(), DateTimeOffset.UtcNow));
        }
    }

    /// <summary>One embedded-metric-format record: the metric's definition under <c>_aws</c>, its value and dimension beside it.</summary>
    public static string Format(string metricNamespace, string serviceName, long backlog, long deadLettered, DateTimeOffset timestamp) => new JsonObject
    {
        ["_aws"] = new JsonObject
        {
            ["Timestamp"] = timestamp.ToUnixTimeMilliseconds(),
            ["CloudWatchMetrics"] = new JsonArray(new JsonObject
            {
                ["Namespace"] = metricNamespace,
                ["Dimensions"] = new JsonArray(new JsonArray(QueueBacklogMetric.ServiceDimension)),
                ["Metrics"] = new JsonArray(
                    new JsonObject { ["Name"] = QueueBacklogMetric.MetricName, ["Unit"] = "Count" },
                    new JsonObject { ["Name"] = QueueBacklogMetric.DeadLetteredMetricName, ["Unit"] = "Count" }),
            }),
        },
        [QueueBacklogMetric.ServiceDimension] = serviceName,
        [QueueBacklogMetric.MetricName] = backlog,
        [QueueBacklogMetric.DeadLetteredMetricName] = deadLettered,
    }.ToJsonString(JsonSerializerOptions.Default);
}
