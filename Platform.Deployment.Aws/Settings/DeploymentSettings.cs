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

/// <summary>Size, count, scaling and rollout of one Fargate service (or run-once task: size only).</summary>
public sealed record ServiceSettings
{
    public static ServiceSettings Default { get; } = new()
    {
        Cpu = 256,
        MemoryMiB = 512,
        MinTasks = 2,
        MaxTasks = 6,
        CpuTargetPercent = 70,
        MemoryTargetPercent = 75,
        HealthCheckGracePeriodSeconds = 60,
        MinHealthyPercent = 100,
        MaxHealthyPercent = 200,
    };

    /// <summary>Fargate CPU units (256 = a quarter vCPU); with <see cref="MemoryMiB"/> one of Fargate's valid pairs.</summary>
    public int? Cpu { get; init; }
    public int? MemoryMiB { get; init; }
    public int? MinTasks { get; init; }
    public int? MaxTasks { get; init; }
    public int? CpuTargetPercent { get; init; }
    public int? MemoryTargetPercent { get; init; }

    /// <summary>Jobs waiting per running task that the service scales to keep; unset means no backlog scaling (see README, "Queue backlog metric").</summary>
    public double? QueueBacklogPerTaskTarget { get; init; }

    public int? HealthCheckGracePeriodSeconds { get; init; }

    /// <summary>Rolling deployment: the share of tasks kept running, and the most that may run, during a rollout.</summary>
    public int? MinHealthyPercent { get; init; }
    public int? MaxHealthyPercent { get; init; }

    public ServiceSettings Over(ServiceSettings defaults) => new()
    {
        Cpu = Cpu ?? defaults.Cpu,
        MemoryMiB = MemoryMiB ?? defaults.MemoryMiB,
        MinTasks = MinTasks ?? defaults.MinTasks,
        MaxTasks = MaxTasks ?? defaults.MaxTasks,
        CpuTargetPercent = CpuTargetPercent ?? defaults.CpuTargetPercent,
        MemoryTargetPercent = MemoryTargetPercent ?? defaults.MemoryTargetPercent,
        QueueBacklogPerTaskTarget = QueueBacklogPerTaskTarget ?? defaults.QueueBacklogPerTaskTarget,
        HealthCheckGracePeriodSeconds = HealthCheckGracePeriodSeconds ?? defaults.HealthCheckGracePeriodSeconds,
        MinHealthyPercent = MinHealthyPercent ?? defaults.MinHealthyPercent,
        MaxHealthyPercent = MaxHealthyPercent ?? defaults.MaxHealthyPercent,
    };
}

public sealed record PostgresSettings
{
    public string InstanceClass { get; init; } = "t4g.medium";
    public int AllocatedStorageGiB { get; init; } = 20;
    public int MaxAllocatedStorageGiB { get; init; } = 100;

    /// <summary>Days of automated backups, which is also the point-in-time recovery window (1 to 35).</summary>
    public int BackupRetentionDays { get; init; } = 7;

    public bool DeletionProtection { get; init; } = true;
}

public sealed record RedisSettings
{
    public string NodeType { get; init; } = "cache.t4g.small";

    /// <summary>ElastiCache's Redis OSS versions are not the image's (it has no 7.4): this one is used for every Redis.</summary>
    public string EngineVersion { get; init; } = "7.1";

    /// <summary>Replicas beside the primary; one or more gives Multi-AZ with automatic failover.</summary>
    public int Replicas { get; init; } = 1;

    public int SnapshotRetentionDays { get; init; } = 7;
}
