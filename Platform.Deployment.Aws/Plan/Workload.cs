using Platform.Manifest;

namespace Platform.Deployment.Aws.Plan;

/// <summary>
/// A project or container run on Fargate. <see cref="Image"/> is the image to run, or null when it is built
/// from the repository (a project, or a container built from a Dockerfile) and given as a stack parameter.
/// </summary>
public sealed record Workload(ManifestWorkload Resource, string? Image, string? BuildCommand)
{
    public string Name => Resource.Name;

    public IReadOnlyList<string> CompletesBefore => Resource is ManifestProject project ? project.CompletesBefore : [];
}
