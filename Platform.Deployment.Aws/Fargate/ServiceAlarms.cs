using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Platform.Deployment.Aws.Alarms;
using Platform.Deployment.Aws.Mappings;
using Platform.Deployment.Aws.Rollouts;
using Platform.Deployment.Aws.Synthesis;

namespace Platform.Deployment.Aws.Fargate;

/// <summary>
/// The SLA of an external service, measured at its load balancer: p95 and p99 of the targets' response time, 5xx
/// answers (the targets' and the load balancer's own) as a share of requests, and unhealthy targets. They use the
/// load balancer's and target groups' metrics, never the service's, so the service can roll back on them without a
/// dependency cycle; the 5xx rate is per load balancer because blue and green swap target groups.
/// </summary>
internal static class ServiceAlarms
{
    private const string Namespace = "AWS/ApplicationELB";

    /// <summary>The service's alarms: every one of them rolls a release back.</summary>
    public static IReadOnlyList<Alarm> Create(DeploymentContext context, MappedResource owner, ServiceTraffic traffic)
    {
        var resource = owner.Resource;
        var monitoring = context.Monitoring;
        var thresholds = context.Settings.Alarms;
        var loadBalancer = new Dictionary<string, string> { ["LoadBalancer"] = traffic.LoadBalancer.LoadBalancerFullName };
        var p95 = Metric("TargetResponseTime", "p95", loadBalancer, "p95");
        var p99 = Metric("TargetResponseTime", "p99", loadBalancer, "p99");
        var errorRate = new MathExpression(new MathExpressionProps
        {
            // A minute without requests has no RequestCount: FILL keeps the rate defined (0), never a division by zero.
            Expression = "100 * (FILL(targetErrors, 0) + FILL(balancerErrors, 0)) / FILL(requests, 1)",
            UsingMetrics = new Dictionary<string, IMetric>
            {
                ["targetErrors"] = Metric("HTTPCode_Target_5XX_Count", "Sum", loadBalancer),
                ["balancerErrors"] = Metric("HTTPCode_ELB_5XX_Count", "Sum", loadBalancer),
                ["requests"] = Metric("RequestCount", "Sum", loadBalancer),
            },
            Label = "5xx % of requests",
            Period = Duration.Minutes(1),
        });
        List<Alarm> alarms =
        [
            monitoring.Alarm(owner, "latency-p95", p95, thresholds.LatencyP95Ms / 1000, $"p95 of '{resource}' response time over {thresholds.LatencyP95Ms} ms"),
            monitoring.Alarm(owner, "latency-p99", p99, thresholds.LatencyP99Ms / 1000, $"p99 of '{resource}' response time over {thresholds.LatencyP99Ms} ms"),
            monitoring.Alarm(owner, "error-rate", errorRate, thresholds.ErrorRatePercent, $"5xx answers of '{resource}' over {thresholds.ErrorRatePercent} % of requests"),
        ];
        foreach (var (targetGroup, color) in traffic.TargetGroups.Zip(["blue", "green"]))
        {
            var unhealthy = Metric("UnHealthyHostCount", "Maximum", new Dictionary<string, string>(loadBalancer) { ["TargetGroup"] = targetGroup.TargetGroupFullName });
            alarms.Add(monitoring.Alarm(owner, $"unhealthy-{color}", unhealthy, 0, $"Unhealthy tasks in the {color} target group of '{resource}'"));
        }

        monitoring.AddRow(DashboardSection.Services, $"{resource}: SLA",
            Metrics.Graph($"{resource} response time (s)", [p95, p99], thresholds.LatencyP95Ms / 1000, thresholds.LatencyP99Ms / 1000),
            Metrics.Graph($"{resource} 5xx % of requests", [errorRate], thresholds.ErrorRatePercent),
            Metrics.Graph($"{resource} requests per minute", [Metric("RequestCount", "Sum", loadBalancer)]),
            new AlarmStatusWidget(new AlarmStatusWidgetProps { Title = $"{resource} alarms", Alarms = [.. alarms], Width = 6, Height = 6 }));
        return alarms;
    }

    private static Metric Metric(string name, string statistic, IDictionary<string, string> dimensions, string? label = null) =>
        Metrics.Of(Namespace, name, statistic, dimensions, label: label);
}
