namespace Platform.Deployment.Aws.Settings;

/// <summary>The thresholds of the stack's alarms (see README, "Alarms and dashboard"); the defaults are the system's SLA.</summary>
public sealed record AlarmSettings
{
    /// <summary>95th percentile of the load balancer's target response time, per external service.</summary>
    public double LatencyP95Ms { get; init; } = 500;

    public double LatencyP99Ms { get; init; } = 1000;

    /// <summary>5xx answers (the targets' and the load balancer's own) as a share of all requests, in percent.</summary>
    public double ErrorRatePercent { get; init; } = 0.1;

    /// <summary>Jobs waiting per running task, over the backlog scaling target: the service is at its maximum and still behind.</summary>
    public double QueueBacklogPerTask { get; init; } = 100;

    /// <summary>Jobs dead-lettered within 5 minutes above which the alarm fires (0: any).</summary>
    public double DeadLetteredJobs { get; init; } = 0;

    public double DatabaseCpuPercent { get; init; } = 80;

    public double DatabaseFreeStorageGiB { get; init; } = 2;

    public double ReplicaLagSeconds { get; init; } = 30;

    public double CacheMemoryPercent { get; init; } = 80;

    /// <summary>Keys evicted within 5 minutes above which the alarm fires (0: any, since the queue lives in Redis).</summary>
    public double CacheEvictions { get; init; } = 0;
}
