using Microsoft.Extensions.DependencyInjection;
using Platform.Hosting.Publishing;
using Platform.Hosting.Testing;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Publishing;

/// <summary>The AppHost's graph written as a manifest at the repository root, in memory.</summary>
internal static class PublishedManifest
{
    public static async Task<(string Json, IReadOnlyList<(string Path, string Content)> Files)> WriteAsync(params string[] extraArgs)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Platform_AppHost>(
            ["--publisher", "manifest", "--output-path", Repository.ManifestPath, .. extraArgs]);
        await using var app = await builder.BuildAsync();
        var publisher = app.Services.GetServices<IDistributedApplicationPublisher>().OfType<ManifestPublisher>().Single();
        return await publisher.WriteAsync(app.Model, Repository.ManifestPath);
    }
}
