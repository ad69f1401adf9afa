namespace Platform.Deployment.Aws.Settings;

/// <summary>Every Redis-protocol cache (Redis, Valkey, Garnet) as ElastiCache: the same nodes, replicas and snapshots.</summary>
public sealed record RedisSettings
{
    public string NodeType { get; init; } = "cache.t4g.small";

    /// <summary>Pins ElastiCache's Redis OSS version for every Redis; unset, the image's major as ElastiCache offers it.</summary>
    public string? EngineVersion { get; init; }

    /// <summary>Pins ElastiCache's Valkey version, for Valkey and Garnet (which speaks the Redis protocol and has no engine of its own there).</summary>
    public string? ValkeyEngineVersion { get; init; }

    /// <summary>Replicas beside the primary; one or more gives Multi-AZ with automatic failover.</summary>
    public int Replicas { get; init; } = 1;

    public int SnapshotRetentionDays { get; init; } = 7;
}
