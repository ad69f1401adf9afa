using Amazon.CDK.AWS.ApplicationAutoScaling;
using Amazon.CDK.AWS.ECS;
using Platform.Deployment.Aws.Settings;
using Platform.Deployment.Aws.Synthesis;
using Platform.Manifest.Conventions;

namespace Platform.Deployment.Aws.Fargate;

/// <summary>
/// Target-tracking autoscaling between the settings' minimum and maximum task counts: on CPU and memory for every
/// service, and, for a service with a <c>queueBacklogPerTaskTarget</c>, on the jobs waiting per running task
/// (the worker publishes the backlog; see README, "Queue backlog metric").
/// </summary>
internal static class Scaling
{
    public static void Configure(DeploymentContext context, Cluster cluster, FargateWorkload owner, FargateService service, ServiceSettings settings)
    {
        var scaling = service.AutoScaleTaskCount(new EnableScalingProps { MinCapacity = settings.MinTasks!.Value, MaxCapacity = settings.MaxTasks!.Value });
        scaling.ScaleOnCpuUtilization("Cpu", new CpuUtilizationScalingProps { TargetUtilizationPercent = settings.CpuTargetPercent!.Value });
        scaling.ScaleOnMemoryUtilization("Memory", new MemoryUtilizationScalingProps { TargetUtilizationPercent = settings.MemoryTargetPercent!.Value });
        if (settings.QueueBacklogPerTaskTarget is { } backlogPerTask)
        {
            ScaleOnBacklog(context, cluster, owner, service, (ScalableTarget)scaling.Node.FindChild("Target"), backlogPerTask);
        }
    }

    /// <summary>
    /// Backlog per task is metric math (the CDK's target tracking takes single metrics only, so this is the
    /// CloudFormation policy itself): the worker's <c>Platform/QueueBacklog</c> divided by the running task count
    /// from Container Insights.
    /// </summary>
    private static void ScaleOnBacklog(DeploymentContext context, Cluster cluster, FargateWorkload owner, FargateService service, ScalableTarget target, double backlogPerTask)
    {
        var name = owner.Resource;
        new CfnScalingPolicy(service, "QueueBacklog", new CfnScalingPolicyProps
        {
            PolicyName = $"{context.Settings.StackName}-{name}-queue-backlog-per-task",
            PolicyType = "TargetTrackingScaling",
            ScalingTargetId = target.ScalableTargetId,
            TargetTrackingScalingPolicyConfiguration = new CfnScalingPolicy.TargetTrackingScalingPolicyConfigurationProperty
            {
                TargetValue = backlogPerTask,
                ScaleOutCooldown = 60,
                ScaleInCooldown = 300,
                CustomizedMetricSpecification = new CfnScalingPolicy.CustomizedMetricSpecificationProperty
                {
                    Metrics = new object[]
                    {
                        Query("backlog", QueueBacklogMetric.Namespace, QueueBacklogMetric.MetricName, (QueueBacklogMetric.ServiceDimension, name)),
                        Query("tasks", "ECS/ContainerInsights", "RunningTaskCount", ("ClusterName", cluster.ClusterName), ("ServiceName", service.ServiceName)),
                        new CfnScalingPolicy.TargetTrackingMetricDataQueryProperty { Id = "backlogPerTask", Expression = "backlog / tasks", Label = "Queue backlog per task", ReturnData = true },
                    },
                },
            },
        });
        // The worker writes the backlog into its logs in CloudWatch's embedded metric format, so its task role needs
        // no CloudWatch permission; this variable turns that on and names the namespace.
        owner.Definition.FindContainer(owner.Resource)!.AddEnvironment(QueueBacklogMetric.NamespaceVariable, QueueBacklogMetric.Namespace);
    }

    private static CfnScalingPolicy.TargetTrackingMetricDataQueryProperty Query(string id, string metricNamespace, string metric, params (string Name, string Value)[] dimensions) => new()
    {
        Id = id,
        ReturnData = false,
        MetricStat = new CfnScalingPolicy.TargetTrackingMetricStatProperty
        {
            Stat = "Average",
            Metric = new CfnScalingPolicy.TargetTrackingMetricProperty
            {
                Namespace = metricNamespace,
                MetricName = metric,
                Dimensions = dimensions.Select(d => (object)new CfnScalingPolicy.TargetTrackingMetricDimensionProperty { Name = d.Name, Value = d.Value }).ToArray(),
            },
        },
    };
}
