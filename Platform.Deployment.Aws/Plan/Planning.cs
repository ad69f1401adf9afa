using Platform.Deployment.Aws.Settings;
using Platform.Manifest;

namespace Platform.Deployment.Aws.Plan;

/// <summary>
/// What the mappings share while they plan the manifest's resources one by one: the manifest, the settings, the
/// rewrites of what clients connect with, and the resources the deployment adds (a cache's generated auth token).
/// </summary>
internal sealed class Planning(AspireManifest manifest, DeploymentSettings settings, Func<ManifestWorkload, string> buildCommand)
{
    private readonly List<ManifestResource> _added = [];

    public AspireManifest Manifest => manifest;

    public DeploymentSettings Settings => settings;

    public ManifestResolver Resolver { get; } = new(manifest);

    public ConnectionRewrites Rewrites { get; } = new();

    /// <summary>How a workload's image is built and pushed (<see cref="Fargate.BuildCommands"/>).</summary>
    public string BuildCommand(ManifestWorkload workload) => buildCommand(workload);

    public IReadOnlyList<ManifestResource> Added => _added;

    /// <summary>Adds a resource the manifest needs but lacks; it is planned and reported like the manifest's own.</summary>
    public void Add(ManifestResource resource) => _added.Add(resource);
}
