using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Publishing;
using Platform.Manifest;

namespace Platform.Hosting.Publishing;

/// <summary>A native resource published as the <c>container.v0</c> entry that Aspire's own integration writes for the
/// same service (its image, environment and bindings), so that any deployment of Aspire manifests runs it.</summary>
public static class ContainerManifestEntry
{
    public static void Write(ManifestPublishingContext context, IResource resource, string image, IReadOnlyDictionary<string, string> environment,
        string? entrypoint = null, IReadOnlyList<string>? args = null)
    {
        var writer = context.Writer;
        writer.WriteString("type", ManifestTypes.Container);
        context.WriteConnectionString(resource);
        writer.WriteString("image", image);
        if (entrypoint is not null)
        {
            writer.WriteString("entrypoint", entrypoint);
        }
        if (args is not null)
        {
            writer.WriteStartArray("args");
            foreach (var arg in args)
            {
                writer.WriteStringValue(arg);
            }
            writer.WriteEndArray();
        }
        writer.WriteStartObject("env");
        foreach (var (name, value) in environment)
        {
            writer.WriteString(name, value);
        }
        writer.WriteEndObject();
        context.WriteBindings(resource);
    }
}
