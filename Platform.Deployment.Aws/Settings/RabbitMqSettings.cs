namespace Platform.Deployment.Aws.Settings;

/// <summary>RabbitMQ containers as Amazon MQ for RabbitMQ brokers.</summary>
public sealed record RabbitMqSettings
{
    /// <summary>Amazon MQ's RabbitMQ version (its own list, not the image's); minor versions are upgraded automatically.</summary>
    public string EngineVersion { get; init; } = "3.13";

    public string HostInstanceType { get; init; } = "mq.m5.large";

    /// <summary><c>cluster</c>: three nodes across AZs behind one endpoint; <c>singleInstance</c>: one node, cheaper, down while it is maintained.</summary>
    public string DeploymentMode { get; init; } = RabbitMqDeploymentModes.Cluster;
}
