namespace Platform.Deployment.Aws.Settings;

/// <summary>The values of <c>rabbitmq.deploymentMode</c>, and Amazon MQ's names for them.</summary>
public static class RabbitMqDeploymentModes
{
    public const string Cluster = "cluster";
    public const string SingleInstance = "singleInstance";

    public static IReadOnlyDictionary<string, string> AmazonMq { get; } = new Dictionary<string, string>
    {
        [Cluster] = "CLUSTER_MULTI_AZ",
        [SingleInstance] = "SINGLE_INSTANCE",
    };
}
