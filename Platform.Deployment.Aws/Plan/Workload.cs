using Platform.Manifest;

namespace Platform.Deployment.Aws.Plan;

/// <summary>
/// A project or container run on Fargate. <see cref="Image"/> is the image to run, or null when it is built
/// from the repository (a project, or a container built from a Dockerfile) and given as a stack parameter.
/// </summary>
internal sealed record Workload(ManifestWorkload Resource, string? Image, string? BuildCommand)
{
    public string Name => Resource.Name;

    /// <summary>For a run-once task: the services and run-once tasks that start only after it has succeeded.</summary>
    public IReadOnlyList<string> CompletesBefore { get; init; } = Resource is ManifestProject project ? project.CompletesBefore : [];

    /// <summary>The named volumes kept on an EFS file system, mounted where the manifest mounts them.</summary>
    public IReadOnlyList<ManifestVolume> FileSystemVolumes { get; init; } = [];

    /// <summary>The user the container runs as (null: the image's own), and whether its root file system is read-only.</summary>
    public string? User { get; init; }

    public bool ReadOnlyRoot { get; init; }

    /// <summary>Environment variables left out of the task, with why (they use a resource the settings skip).</summary>
    public IReadOnlyDictionary<string, string> DroppedVariables { get; init; } = new Dictionary<string, string>();

    /// <summary>Keeps data on a file system, so one task writes it at a time.</summary>
    public bool SingleWriter => FileSystemVolumes.Count > 0;
}
