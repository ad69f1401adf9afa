using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.ECS;
using Platform.Deployment.Aws.Alarms;
using Platform.Deployment.Aws.Synthesis;
using Platform.Manifest.Conventions;

namespace Platform.Deployment.Aws.Fargate;

/// <summary>
/// The queue of a service that scales on its backlog (the worker): jobs waiting per running task, sustained above
/// <c>alarms.queueBacklogPerTask</c> (the service is at its maximum and still behind), and jobs dead-lettered. Both
/// metrics are the worker's own embedded-metric lines (README, "Queue backlog metric").
/// </summary>
internal static class QueueAlarms
{
    public static void Create(DeploymentContext context, Cluster cluster, FargateWorkload owner, FargateService service)
    {
        var resource = owner.Resource;
        var thresholds = context.Settings.Alarms;
        var serviceName = new Dictionary<string, string> { ["ServiceName"] = resource };
        var backlog = Metrics.Of(QueueBacklogMetric.Namespace, QueueBacklogMetric.MetricName, "Average", serviceName, label: "jobs waiting");
        var perTask = new MathExpression(new MathExpressionProps
        {
            Expression = "backlog / tasks",
            UsingMetrics = new Dictionary<string, IMetric>
            {
                ["backlog"] = backlog,
                ["tasks"] = Metrics.Of("ECS/ContainerInsights", "RunningTaskCount", "Average",
                    new Dictionary<string, string> { ["ClusterName"] = cluster.ClusterName, ["ServiceName"] = service.ServiceName }),
            },
            Label = "jobs waiting per task",
            Period = Duration.Minutes(1),
        });
        var deadLettered = Metrics.Of(QueueBacklogMetric.Namespace, QueueBacklogMetric.DeadLetteredMetricName, "Sum", serviceName, periodMinutes: 5, label: "jobs dead-lettered");
        var alarms = new[]
        {
            context.Monitoring.Alarm(owner, "queue-backlog", perTask, thresholds.QueueBacklogPerTask,
                $"More than {thresholds.QueueBacklogPerTask} jobs waiting per '{resource}' task for 10 minutes",
                AlarmShape.Sustained with { EvaluationPeriods = 10, DatapointsToAlarm = 10 }),
            context.Monitoring.Alarm(owner, "dead-lettered-jobs", deadLettered, thresholds.DeadLetteredJobs,
                $"More than {thresholds.DeadLetteredJobs} jobs dead-lettered by '{resource}' in 5 minutes", AlarmShape.Any),
        };
        context.Monitoring.AddRow(DashboardSection.Queues, $"{resource}: queue",
            Metrics.Graph("jobs waiting", [backlog]),
            Metrics.Graph("jobs waiting per task", [perTask], thresholds.QueueBacklogPerTask),
            Metrics.Graph("jobs dead-lettered (5 min)", [deadLettered], thresholds.DeadLetteredJobs),
            new AlarmStatusWidget(new AlarmStatusWidgetProps { Title = $"{resource} alarms", Alarms = alarms, Width = 6, Height = 6 }));
    }
}
