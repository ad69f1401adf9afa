using Amazon.CDK.AWS.ECS;
using Platform.Deployment.Aws.S3;
using Platform.Deployment.Aws.Synthesis;
using Platform.Deployment.Aws.Telemetry;
using Platform.Deployment.Aws.Values;

namespace Platform.Deployment.Aws.Fargate;

/// <summary>What every workload on the cluster shares: the cluster, the values its tasks resolve, and the parts made once for all of them on first use.</summary>
internal sealed class SharedParts(DeploymentContext context, Cluster cluster, TaskValues values, IReadOnlyList<IncludedTemplate> templates)
{
    public Cluster Cluster => cluster;

    public TaskValues Values => values;

    /// <summary>The included templates, whose buckets their references are granted.</summary>
    public IReadOnlyList<IncludedTemplate> Templates => templates;

    public Images Images { get; } = new(context);

    public CollectorSidecar Collector { get; } = new(context);

    public LoadBalancers LoadBalancers { get; } = new(context);

    public ServiceConnectTls ServiceConnectTls { get; } = new(context);
}
