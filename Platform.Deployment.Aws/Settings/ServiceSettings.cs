namespace Platform.Deployment.Aws.Settings;

/// <summary>
/// Size, count, scaling and rollout of one Fargate service (or run-once task: size only). Every field is optional: one
/// left out keeps the value of the layer under it (<see cref="SettingsLayers"/>), down to <see cref="Default"/>.
/// </summary>
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
        DeploymentStrategy = DeploymentStrategies.BlueGreen,
        BakeTimeMinutes = 10,
    };

    /// <summary>A service whose data lives on its file system: one task, replaced rather than doubled during a release.</summary>
    public static ServiceSettings SingleWriter { get; } = new()
    {
        MinTasks = 1,
        MaxTasks = 1,
        MinHealthyPercent = 0,
        MaxHealthyPercent = 100,
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

    /// <summary><c>blueGreen</c> or <c>rolling</c>, for a service behind a load balancer; the others always roll.</summary>
    public string? DeploymentStrategy { get; init; }

    /// <summary>Blue/green: minutes both revisions run after production traffic moved, during which an alarm rolls back at once (0 to 1440).</summary>
    public int? BakeTimeMinutes { get; init; }

    /// <summary>The external service's name under the domain; its resource name when unset (<c>api</c>: <c>api.example.com</c>).</summary>
    public string? HostName { get; init; }
}
