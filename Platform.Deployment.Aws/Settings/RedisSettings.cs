namespace Platform.Deployment.Aws.Settings;

public sealed record RedisSettings
{
    public string NodeType { get; init; } = "cache.t4g.small";

    /// <summary>ElastiCache's Redis OSS versions are not the image's (it has no 7.4): this one is used for every Redis.</summary>
    public string EngineVersion { get; init; } = "7.1";

    /// <summary>Replicas beside the primary; one or more gives Multi-AZ with automatic failover.</summary>
    public int Replicas { get; init; } = 1;

    public int SnapshotRetentionDays { get; init; } = 7;
}
