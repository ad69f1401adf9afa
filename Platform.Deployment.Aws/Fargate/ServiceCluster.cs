using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.ServiceDiscovery;
using Platform.Deployment.Aws.Synthesis;

namespace Platform.Deployment.Aws.Fargate;

/// <summary>
/// The ECS cluster, with Container Insights (its task counts feed backlog scaling) and a Service Connect namespace:
/// every service is reachable from the others by its resource name, as in <c>http://api:8080</c>.
/// </summary>
internal static class ServiceCluster
{
    public static Cluster Create(DeploymentContext context) => new(context.Stack, "Cluster", new ClusterProps
    {
        Vpc = context.Vpc,
        ContainerInsights = true,
        DefaultCloudMapNamespace = new CloudMapNamespaceOptions
        {
            Name = $"{context.Settings.StackName}.internal",
            Type = NamespaceType.HTTP,
            UseForServiceConnect = true,
        },
    });
}
