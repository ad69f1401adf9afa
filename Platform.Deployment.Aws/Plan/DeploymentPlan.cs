using Platform.Hosting.Manifest;

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

/// <summary>A PostgreSQL container, deployed as RDS; <see cref="Database"/> is the database the manifest derives from it (RDS creates it).</summary>
public sealed record PostgresServer(ManifestContainer Container, string EngineVersion, string UserName, ManifestParameter Password, string? Database);

/// <summary>A replica container (it has <c>POSTGRES_PRIMARY_HOST</c>), deployed as an RDS read replica of <see cref="Primary"/>.</summary>
public sealed record PostgresReplica(ManifestContainer Container, string Primary);

/// <summary>A Redis container, deployed as ElastiCache; <see cref="ConnectionString"/> adds the TLS that ElastiCache requires.</summary>
public sealed record RedisCache(ManifestContainer Container, ManifestParameter Password)
{
    public string ConnectionString => Container.ConnectionString + ",ssl=true";
}

/// <summary>
/// A project or container run on Fargate. <see cref="Image"/> is the image to run, or null when it is built
/// from the repository (a project, or a container built from a Dockerfile) and given as a stack parameter.
/// </summary>
public sealed record Workload(ManifestWorkload Resource, string? Image, string? BuildCommand)
{
    public string Name => Resource.Name;

    public IReadOnlyList<string> CompletesBefore => Resource is ManifestProject project ? project.CompletesBefore : [];
}
