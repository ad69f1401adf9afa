using System.Text.RegularExpressions;
using Platform.Deployment.Aws;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Deployment;

/// <summary>
/// The deployment over Aspire's own manifests: each either synthesizes, with every resource deployed, or fails
/// before synthesis with one line per problem, each naming the resource it is about.
/// </summary>
public sealed partial class ReferenceManifestTests
{
    [Trait("Tier", "Fast")]
    [Theory]
    [InlineData("playground-ParameterEndToEnd.AppHost.aspire-manifest.json", "api")]
    [InlineData("playground-TestShop.AppHost.v13-main.aspire-manifest.json", "basketservice,catalogdbapp,catalogservice,frontend,messaging,orderprocessor")]
    [InlineData("playground-WithDockerfile.AppHost.aspire-manifest.json", "docker-compose")]
    [InlineData("tests-testproject-TestProject.AppHost.aspire-manifest.json", "cosmos,integrationservicea,nodeapp,npmapp,redis,servicea,serviceb,servicec")]
    public void What_cannot_be_mapped_is_named_resource_by_resource(string example, string unmappable)
    {
        var error = Assert.Throws<DeploymentException>(() => SynthesizedTemplate.Synthesize(Repository.Aspire("manifest-examples", example)));

        var lines = error.Message.Split('\n').Skip(1).Select(l => l.Trim()).ToList();
        Assert.NotEmpty(lines);
        Assert.Equal(unmappable.Split(','), lines.Select(l => FirstName().Match(l).Groups["name"].Value).Distinct().Order());
    }

    [Trait("Tier", "Fast")]
    [Fact]
    public void Expressions_that_cannot_be_resolved_are_errors_naming_the_resource_and_the_expression()
    {
        var error = Assert.Throws<DeploymentException>(() => SynthesizedTemplate.Synthesize(Repository.Aspire("manifest-examples", "playground-ParameterEndToEnd.AppHost.aspire-manifest.json")));

        Assert.Contains("'api' env DB_HOST: '{sql.bindings.tcp.host}'", error.Message);
        Assert.Contains("'api' env ConnectionStrings__cs: '{sql.bindings.tcp.url}'", error.Message);
    }

    [Fact]
    public void A_manifest_whose_every_resource_maps_is_deployed_whole()
    {
        var output = Directory.CreateTempSubdirectory("platform-ecs-").FullName;
        try
        {
            var settings = Path.Combine(output, "settings.json");
            // The one entry Aspire's publisher could not write is left out on purpose; everything else must map.
            File.WriteAllText(settings, """{ "skip": ["docker-compose"], "allowPlainHttp": true }""");
            var template = SynthesizedTemplate.Synthesize(Repository.Aspire("manifest-examples", "playground-WithDockerfile.AppHost.aspire-manifest.json"), settings, output);

            foreach (var name in new[] { "mycontainer", "dynamic-sync", "dynamic-async", "builder-sync", "builder-async" })
            {
                template.Single("AWS::ECS::Service", SynthesizedTemplate.Id(name) + "Service");
                Assert.Contains(SynthesizedTemplate.Id(name) + "ImageRepository", template.Json["Parameters"]!.AsObject().Select(p => p.Key));
            }
            var redis = template.Container("builder-sync");
            Assert.Equal("/bin/sh", redis["EntryPoint"]![0]!.GetValue<string>());
            Assert.Equal("redis-server --requirepass $REDIS_PASSWORD", redis["Command"]![1]!.GetValue<string>());
            // Its password parameter is generated in the cloud and given to the container as a secret.
            Assert.Contains("BuilderSyncPasswordSecret", template.Variables("builder-sync").Secrets["REDIS_PASSWORD"]);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [GeneratedRegex(@"^'(?<name>[A-Za-z0-9_-]+)'")]
    private static partial Regex FirstName();
}
