using Platform.Manifest;

namespace Platform.Deployment.Aws.Plan;

/// <summary>
/// What each manifest resource becomes on AWS, decided before any CloudFormation is made, so that everything the
/// deployment cannot map is reported together, by resource, rather than one at a time.
/// </summary>
public sealed record DeploymentPlan(
    AspireManifest Manifest,
    IReadOnlyList<PostgresServer> PostgresServers,
    IReadOnlyList<PostgresReplica> PostgresReplicas,
    IReadOnlyList<RedisCache> RedisCaches,
    IReadOnlyList<ManifestCloudFormation> Templates,
    IReadOnlyList<ManifestParameter> Parameters,
    IReadOnlyList<Workload> Services,
    IReadOnlyList<Workload> RunOnceTasks)
{
    /// <summary>Connection strings of resources whose managed service changes them (ElastiCache needs TLS), by resource name.</summary>
    public IReadOnlyDictionary<string, string> ConnectionStrings =>
        RedisCaches.ToDictionary(r => r.Container.Name, r => r.ConnectionString);
}
