using Platform.Manifest;

namespace Platform.Deployment.Aws.Efs;

/// <summary>
/// A container's volumes and bind mounts. A bind mount is a file or folder of the developer's machine, which does not
/// exist in the cloud: an error naming it. A named volume is the container's data: on a managed service, which keeps
/// the data itself, it is dropped; on a container that runs on Fargate, it is kept on EFS.
/// </summary>
internal static class Volumes
{
    public static IReadOnlyList<ManifestVolume> Named(ManifestContainer container)
    {
        var bindMounts = container.Volumes.Where(v => v.Source is not null).ToList();
        if (bindMounts.Count > 0)
        {
            throw new DeploymentException(string.Join("\n", bindMounts.Select(b =>
                $"'{container.Name}' bind-mounts the local {(b.ReadOnly ? "read-only " : "")}path '{b.Source}' at '{b.Target}': a file of the developer's machine does not exist in the cloud; build it into the image")));
        }
        return container.Volumes;
    }

    /// <summary>The plan's line for volumes a managed service makes unnecessary.</summary>
    public static IEnumerable<string> Dropped(ManifestContainer container, string service) =>
        Named(container).Select(v => $"volume {Describe(v)} dropped: it is the container's local data folder, and {service} keeps the data");

    /// <summary>The plan's line for volumes kept on EFS (<see cref="TaskFileSystems"/>).</summary>
    public static string OnFileSystem(IReadOnlyList<ManifestVolume> volumes) =>
        $"volume{(volumes.Count > 1 ? "s" : "")} {string.Join(", ", volumes.Select(Describe))} on an encrypted EFS file system with backups, one access point each; one task at a time writes it";

    private static string Describe(ManifestVolume volume) => volume.Name is { } name ? $"'{name}' at {volume.Target}" : volume.Target;
}
