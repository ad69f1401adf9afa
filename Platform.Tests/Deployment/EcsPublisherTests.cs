using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Platform.Manifest;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Deployment;

/// <summary><c>aspire publish</c> of the AppHost's own graph to its AWS ECS deployment target, with secrets in its configuration.</summary>
public sealed class EcsPublisherTests
{
    /// <summary>What <c>aspire publish --output-path</c> asks of the AppHost.</summary>
    private static readonly string[] Publish = ["--operation", "publish", "--step", "publish", "--output-path"];

    [Fact]
    public async Task The_AppHost_publishes_its_graph_as_an_ECS_deployment_without_any_secret_value()
    {
        const string postgresPassword = "pg-Known-Secret-Value-4711";
        const string cachePassword = "cache-Known-Secret-Value-0815";
        var output = Directory.CreateTempSubdirectory("platform-ecs-publish-").FullName;
        try
        {
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Platform_AppHost>(
                [.. Publish, output, $"--Parameters:pg-password={postgresPassword}", $"--Parameters:cache-password={cachePassword}"]);
            await using (var app = await builder.BuildAsync())
            {
                await app.RunAsync();
            }

            // The graph's manifest, written beside the deployment (its paths relative to it), is what was synthesized.
            var committed = AspireManifest.Load(Repository.ManifestPath);
            var published = AspireManifest.Load(Path.Combine(output, "aspire-manifest.json"));
            Assert.Equal(committed.Resources.Select(r => (r.Name, r.Type)), published.Resources.Select(r => (r.Name, r.Type)));
            Assert.Equal(committed.FullPath(((ManifestProject)committed["api"]).Path), published.FullPath(((ManifestProject)published["api"]).Path));
            Assert.True(File.Exists(Path.Combine(output, "cdk.out", "platform.template.json")));
            var files = Directory.GetFiles(output, "*", SearchOption.AllDirectories);
            Assert.Contains(files, f => f.EndsWith("tree.json", StringComparison.Ordinal));
            foreach (var file in files)
            {
                var text = await File.ReadAllTextAsync(file);
                Assert.DoesNotContain(postgresPassword, text);
                Assert.DoesNotContain(cachePassword, text);
            }
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public async Task Publishing_leaves_nothing_in_the_temporary_folder()
    {
        // A process of its own, as a user runs it, with a temporary folder of its own (TMPDIR, for .NET and Node.js).
        var temporary = Directory.CreateTempSubdirectory("platform-publish-tmp-").FullName;
        var published = Directory.CreateTempSubdirectory("platform-ecs-publish-").FullName;
        try
        {
            var (exitCode, output, error) = await AppHostProcess.RunAsync(TimeSpan.FromMinutes(3),
                [.. Publish, published], new Dictionary<string, string> { ["TMPDIR"] = temporary });

            Assert.True(exitCode == 0, $"exit code {exitCode}: {output}{error}");
            Assert.True(File.Exists(Path.Combine(published, "cdk.out", "platform.template.json")));
            // jsii's own runtime, left to itself, extracts Node.js code and the CDK's assets (65 MB) here and keeps them.
            Assert.Empty(Directory.EnumerateFileSystemEntries(temporary));
        }
        finally
        {
            Directory.Delete(published, recursive: true);
            Directory.Delete(temporary, recursive: true);
        }
    }
}
