using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.ElastiCache;
using Platform.Deployment.Aws.Alarms;
using Platform.Deployment.Aws.Mappings;
using Platform.Deployment.Aws.Synthesis;

namespace Platform.Deployment.Aws.ElastiCache;

/// <summary>
/// An ElastiCache replication group's memory use and evictions, per node: ElastiCache reports them by cache cluster,
/// and the clusters of a replication group are named after it, <c>{group}-001</c>, <c>-002</c>. Evictions matter:
/// the job queue lives in Redis, so an evicted key can be a lost job.
/// </summary>
internal static class CacheAlarms
{
    private const string Namespace = "AWS/ElastiCache";

    public static void Create(DeploymentContext context, MappedResource owner, CfnReplicationGroup group, int nodes)
    {
        var resource = owner.Resource;
        var thresholds = context.Settings.Alarms;
        var alarms = new List<Alarm>();
        var memory = new List<IMetric>();
        var evictions = new List<IMetric>();
        for (var node = 1; node <= nodes; node++)
        {
            var dimensions = new Dictionary<string, string> { ["CacheClusterId"] = $"{group.Ref}-{node:000}" };
            memory.Add(Metrics.Of(Namespace, "DatabaseMemoryUsagePercentage", "Average", dimensions, label: $"node {node} memory %"));
            evictions.Add(Metrics.Of(Namespace, "Evictions", "Sum", dimensions, periodMinutes: 5, label: $"node {node} evictions"));
            alarms.Add(context.Monitoring.Alarm(owner, $"memory-{node:000}", memory[^1], thresholds.CacheMemoryPercent, $"Memory of '{resource}' node {node} over {thresholds.CacheMemoryPercent} %"));
            alarms.Add(context.Monitoring.Alarm(owner, $"evictions-{node:000}", evictions[^1], thresholds.CacheEvictions, $"'{resource}' node {node} evicted keys", AlarmShape.Any));
        }
        context.Monitoring.AddRow(DashboardSection.Caches, $"{resource}: cache",
            Metrics.Graph($"{resource} memory %", [.. memory], thresholds.CacheMemoryPercent),
            Metrics.Graph($"{resource} evictions (5 min)", [.. evictions], thresholds.CacheEvictions),
            new AlarmStatusWidget(new AlarmStatusWidgetProps { Title = $"{resource} alarms", Alarms = [.. alarms], Width = 6, Height = 6 }));
    }
}
