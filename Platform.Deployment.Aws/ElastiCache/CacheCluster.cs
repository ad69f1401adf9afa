using Platform.Deployment.Aws.Plan;
using Platform.Deployment.Aws.Versions;
using Platform.Manifest;

namespace Platform.Deployment.Aws.ElastiCache;

/// <summary>
/// A Redis-protocol container deployed as an ElastiCache replication group. <see cref="Password"/> is its auth token:
/// the manifest's password parameter, or one the deployment generates when the manifest has none.
/// <see cref="ConnectionString"/> is the manifest's with TLS (and that token) added.
/// </summary>
internal sealed record CacheCluster(ManifestContainer Container, CacheEngine Engine, EngineVersionChoice Version, ManifestParameter Password, string TlsConnectionString, IReadOnlyList<string> Changes)
    : PlannedResource
{
    public override ManifestResource Resource => Container;

    public override bool Addressable => true;

    /// <summary>The value Aspire 13 writes for the binding's TLS (<c>cond-…-tlsenabled-…</c>), which the cloud's connection string has in its place.</summary>
    public string? TlsCondition { get; init; }

    public override string? ConnectionString => TlsConnectionString;

    public override IEnumerable<ManifestParameter> Secrets => [Password];

    public override PlanLine Describe(DeploymentPlan plan)
    {
        var redis = plan.Settings.Redis;
        return new($"ElastiCache {Engine.ElastiCacheEngine} {Version} replication group ({Engine.Name} speaks its protocol), {1 + redis.Replicas} × {redis.NodeType}, TLS, encrypted at rest, auth token '{Password.Name}', snapshots {redis.SnapshotRetentionDays} days, isolated subnets",
            "redis.*", Changes);
    }
}
