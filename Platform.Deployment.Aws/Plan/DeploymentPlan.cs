using Platform.Manifest;

namespace Platform.Deployment.Aws.Plan;

/// <summary>
/// What each manifest resource becomes on AWS, decided before any CloudFormation is made, so that everything the
/// deployment cannot map is reported together, by resource, rather than one at a time. <see cref="Report"/> says it
/// in one line per manifest resource (plan.md).
/// </summary>
internal sealed record DeploymentPlan
{
    /// <summary>The manifest with what the deployment adds to it (<see cref="Added"/>), which values resolve against.</summary>
    public required AspireManifest Manifest { get; init; }

    public IReadOnlyList<ManifestResource> Added { get; init; } = [];

    public IReadOnlyList<DatabaseServer> DatabaseServers { get; init; } = [];

    public IReadOnlyList<PostgresReplica> PostgresReplicas { get; init; } = [];

    public IReadOnlyList<CacheCluster> Caches { get; init; } = [];

    public IReadOnlyList<MessageBroker> Brokers { get; init; } = [];

    public IReadOnlyList<ManifestCloudFormation> Templates { get; init; } = [];

    public IReadOnlyList<ManifestParameter> Parameters { get; init; } = [];

    public IReadOnlyList<Workload> Services { get; init; } = [];

    public IReadOnlyList<Workload> RunOnceTasks { get; init; } = [];

    public ConnectionRewrites Rewrites { get; init; } = new();

    public IReadOnlyList<string> Report { get; init; } = [];

    /// <summary>Connection strings of resources whose managed service changes them (ElastiCache needs TLS), by resource name.</summary>
    public IReadOnlyDictionary<string, string> ConnectionStrings =>
        Caches.ToDictionary(c => c.Container.Name, c => c.ConnectionString);

    public IEnumerable<Workload> Workloads => Services.Concat(RunOnceTasks);
}
