using System.Text.Json;
using System.Text.Json.Nodes;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Publishing;

/// <summary>
/// The AppHost's graph as Aspire publishes it (its <c>publish-manifest</c> step, run in-process), with the files beside
/// it; project paths as they read in a manifest at the repository root, where the committed one is.
/// </summary>
internal static class PublishedManifest
{
    public static async Task<(string Json, IReadOnlyList<(string Path, string Content)> Files)> WriteAsync(params string[] extraArgs)
    {
        var output = Directory.CreateTempSubdirectory("platform-manifest-").FullName;
        try
        {
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Platform_AppHost>(
                ["--publisher", "manifest", "--output-path", output, .. extraArgs]);
            await using (var app = await builder.BuildAsync())
            {
                await app.RunAsync();
            }
            var manifestFile = Path.Combine(output, "aspire-manifest.json");
            var manifest = JsonNode.Parse(await File.ReadAllTextAsync(manifestFile))!;
            foreach (var (_, resource) in manifest["resources"]!.AsObject())
            {
                if (resource!["path"] is { } path)
                {
                    resource["path"] = Path.GetRelativePath(Repository.Root, Path.GetFullPath(path.GetValue<string>(), output));
                }
            }
            var files = Directory.GetFiles(output, "*", SearchOption.AllDirectories).Where(f => f != manifestFile)
                .Select(f => (Path.GetRelativePath(output, f), File.ReadAllText(f))).ToList();
            return (manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), files);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
