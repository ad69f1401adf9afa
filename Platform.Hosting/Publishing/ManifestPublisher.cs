using System.Text.Encodings.Web;
using System.Text.Json;
using Platform.Hosting.ApplicationModel;
using Platform.Manifest;

namespace Platform.Hosting.Publishing;

/// <summary>Writes the graph as an Aspire manifest (<c>--publisher manifest</c>), Aspire 9.5 / 13.1 shape.</summary>
public sealed class ManifestPublisher(DistributedApplicationExecutionContext executionContext) : IDistributedApplicationPublisher
{
    public string Name => "manifest";

    /// <summary><paramref name="outputPath"/> is the manifest file, or a folder to write <c>aspire-manifest.json</c> into.</summary>
    public async Task PublishAsync(DistributedApplicationModel model, string outputPath, CancellationToken cancellationToken)
    {
        var manifestPath = outputPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? outputPath : Path.Combine(outputPath, AspireManifest.DefaultFileName);
        var (json, files) = await WriteAsync(model, manifestPath);
        var directory = Path.GetDirectoryName(Path.GetFullPath(manifestPath))!;
        Directory.CreateDirectory(directory);
        foreach (var (relativePath, content) in files)
        {
            var path = Path.Combine(directory, relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, content, cancellationToken);
        }
        await File.WriteAllTextAsync(manifestPath, json, cancellationToken);
    }

    /// <summary>The manifest's JSON for a manifest at <paramref name="manifestPath"/>, and the files that go beside it.</summary>
    public async Task<(string Json, IReadOnlyList<(string Path, string Content)> Files)> WriteAsync(DistributedApplicationModel model, string manifestPath)
    {
        using var stream = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            var context = new ManifestPublishingContext(writer, manifestPath, executionContext);
            writer.WriteStartObject();
            writer.WriteString("$schema", AspireManifest.SchemaUrl);
            writer.WriteStartObject("resources");
            foreach (var resource in model.Resources)
            {
                writer.WriteStartObject(resource.Name);
                if (resource.TryGetLastAnnotation<ManifestPublishingCallbackAnnotation>(out var annotation))
                {
                    await annotation.Callback(context);
                }
                else
                {
                    writer.WriteString("error", "This resource does not support generation in the manifest.");
                }
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
            await writer.FlushAsync();
            return (System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n", context.Files);
        }
    }
}
