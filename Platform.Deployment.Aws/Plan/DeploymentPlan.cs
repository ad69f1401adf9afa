using Platform.Deployment.Aws.Fargate;
using Platform.Deployment.Aws.Settings;
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

    public required DeploymentSettings Settings { get; init; }

    public IReadOnlyList<ManifestResource> Added { get; init; } = [];

    /// <summary>Every deployed resource's plan: the manifest's in its order, the deployment's steps before the run-once tasks they prepare.</summary>
    public IReadOnlyList<PlannedResource> Resources { get; init; } = [];

    public ConnectionRewrites Rewrites { get; init; } = new();

    public IReadOnlyList<string> Report { get; init; } = [];

    public IEnumerable<T> Of<T>() where T : PlannedResource => Resources.OfType<T>();

    public PlannedResource? Find(string resource) => Resources.FirstOrDefault(r => r.Name == resource);

    public IEnumerable<ManifestParameter> Parameters => Manifest.Resources.OfType<ManifestParameter>();

    /// <summary>Connection strings that a managed service changes (ElastiCache's TLS), by resource name.</summary>
    public IReadOnlyDictionary<string, string> ConnectionStrings =>
        Resources.Where(r => r.ConnectionString is not null).ToDictionary(r => r.Name, r => r.ConnectionString!);

    public IEnumerable<Workload> Services => Of<Workload>().Where(w => !w.RunOnce);

    public IEnumerable<Workload> RunOnceTasks => Of<Workload>().Where(w => w.RunOnce);

    /// <summary>The services, then the run-once tasks: the order their tasks are made in.</summary>
    public IEnumerable<Workload> Workloads => Services.Concat(RunOnceTasks);
}
