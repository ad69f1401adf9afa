namespace Platform.Deployment.Aws.Settings;

/// <summary>
/// What the manifest cannot carry: sizes, task counts, scaling targets, retention. Read from a small JSON file
/// (see README, "Deployment settings"); every value has a default, so the file is optional.
/// </summary>
public sealed record DeploymentSettings
{
    /// <summary>The CloudFormation stack's name; also the prefix of the ECR repositories and the Service Connect namespace.</summary>
    public string StackName { get; init; } = "platform";

    public int MaxAzs { get; init; } = 2;

    /// <summary>One NAT gateway per AZ keeps egress up when an AZ fails; 1 is cheaper.</summary>
    public int NatGateways { get; init; } = 2;

    public int LogRetentionDays { get; init; } = 30;

    /// <summary>The port a project listens on (<c>HTTP_PORTS</c>) when its binding has no target port: the .NET container images' default.</summary>
    public int ProjectPort { get; init; } = 8080;

    /// <summary>Applied to every service and run-once task, then overridden per resource by <see cref="Services"/>; a field left out keeps the built-in default.</summary>
    public ServiceSettings Defaults { get; init; } = new();

    /// <summary>Per resource name; a field left out keeps the value of <see cref="Defaults"/>.</summary>
    public IReadOnlyDictionary<string, ServiceSettings> Services { get; init; } = new Dictionary<string, ServiceSettings>();

    /// <summary>
    /// Resources deliberately left out of the deployment (such as an entry the manifest's publisher could not
    /// write). Anything else that cannot be mapped is an error; a value that uses a skipped resource still is.
    /// </summary>
    public IReadOnlyList<string> Skip { get; init; } = [];

    public PostgresSettings Postgres { get; init; } = new();

    public RedisSettings Redis { get; init; } = new();

    /// <summary>The settings of one service: its own fields over the defaults.</summary>
    public ServiceSettings For(string resource) =>
        Services.GetValueOrDefault(resource, new ServiceSettings()).Over(Defaults).Over(ServiceSettings.Default);
}
