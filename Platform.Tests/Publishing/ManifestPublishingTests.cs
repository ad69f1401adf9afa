using System.Text.Json.Nodes;
using Platform.Hosting.S3;
using Platform.Manifest;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Publishing;

public sealed class ManifestPublishingTests
{
    private const string Regenerate = "Regenerate it: dotnet run --project Platform.AppHost -- --publisher manifest --output-path ..";

    [Trait("Tier", "Fast")]
    [Fact]
    public async Task The_committed_manifest_is_exactly_what_the_AppHost_publishes()
    {
        var (json, files) = await PublishedManifest.WriteAsync();

        Assert.True(File.Exists(Repository.ManifestPath), $"aspire-manifest.json is missing. {Regenerate}");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(await File.ReadAllTextAsync(Repository.ManifestPath))),
            $"aspire-manifest.json is out of date. {Regenerate}");
        foreach (var (path, content) in files)
        {
            var committed = Path.Combine(Repository.Root, path);
            Assert.True(File.Exists(committed) && content == await File.ReadAllTextAsync(committed), $"{path} is missing or out of date. {Regenerate}");
        }
    }

    [Fact]
    public async Task The_manifest_validates_against_Aspires_schema()
    {
        var (json, _) = await PublishedManifest.WriteAsync();

        Assert.Empty(await AspireSchema.ValidateAsync(json));
    }

    [Theory]
    [InlineData("playground-TestShop.AppHost.v13-main.aspire-manifest.json")]
    [InlineData("playground-ParameterEndToEnd.AppHost.aspire-manifest.json")]
    [InlineData("tests-testproject-TestProject.AppHost.aspire-manifest.json")]
    public async Task The_schema_validator_accepts_what_Aspire_writes(string example)
    {
        Assert.Empty(await AspireSchema.ValidateAsync(await File.ReadAllTextAsync(Repository.Aspire("manifest-examples", example))));
    }

    [Fact]
    public async Task The_schema_validator_rejects_what_Aspire_would_not_write()
    {
        var manifest = JsonNode.Parse((await PublishedManifest.WriteAsync()).Json)!;
        manifest["resources"]!["api"]!["replicas"] = 2;
        manifest["resources"]!["cache"]!["bindings"]!["tcp"]!["protocol"] = "http";

        var errors = await AspireSchema.ValidateAsync(manifest.ToJsonString());

        Assert.Contains(errors, e => e.Contains("additionalProperties") && e.Contains("replicas"));
        Assert.Contains(errors, e => e.Contains("/resources/cache/bindings/tcp/protocol"));
    }

    [Trait("Tier", "Fast")]
    [Fact]
    public async Task No_secret_value_and_no_local_detail_is_published()
    {
        const string postgresPassword = "pg-Secret-From-Configuration-42";
        var (json, files) = await PublishedManifest.WriteAsync($"--Parameters:pg-password={postgresPassword}");
        var published = json + string.Concat(files.Select(f => f.Content));

        Assert.DoesNotContain(postgresPassword, published);
        foreach (var local in new[] { "localhost", "127.0.0.1", ".platform", "S3RVER", "Emulator", "s3rver", Repository.Root, "/tmp/" })
        {
            Assert.DoesNotContain(local, published, StringComparison.OrdinalIgnoreCase);
        }
        var parameter = JsonNode.Parse(json)!["resources"]!["pg-password"]!;
        Assert.True(parameter["inputs"]!["value"]!["secret"]!.GetValue<bool>());
        Assert.Equal(22, parameter["inputs"]!["value"]!["default"]!["generate"]!["minLength"]!.GetValue<int>());
    }

    [Trait("Tier", "Fast")]
    [Fact]
    public async Task Projects_are_published_as_Aspire_writes_them()
    {
        var manifest = AspireManifest.Parse((await PublishedManifest.WriteAsync()).Json, Repository.Root);

        var api = Assert.IsType<ManifestProject>(manifest["api"]);
        Assert.Equal("project.v0", api.Type);
        Assert.Equal("Platform.Api/Platform.Api.csproj", api.Path);
        Assert.True(File.Exists(manifest.FullPath(api.Path)));
        Assert.Equal("{api.bindings.http.targetPort}", api.Env["HTTP_PORTS"]);
        Assert.Equal("true", api.Env["ASPNETCORE_FORWARDEDHEADERS_ENABLED"]);
        // The api's own logins under the names it reads: its role on the primary, the read-only one on the replica.
        Assert.Equal("{platformdb-api.connectionString}", api.Env["ConnectionStrings__platformdb"]);
        Assert.Equal("{platformdb-analytics.connectionString}", api.Env["ConnectionStrings__platformdb-replica"]);
        var login = Assert.IsType<ManifestValue>(manifest["platformdb-api"]);
        Assert.Equal("Host={pg.bindings.tcp.host};Port={pg.bindings.tcp.port};Username=api;Password={platformdb-api-password.value};Database=platformdb", login.Template);
        Assert.True(api.Bindings["http"].External);
        Assert.Null(api.Bindings["http"].TargetPort);
        Assert.False(Assert.IsType<ManifestProject>(manifest["worker"]).Bindings["http"].External);
        Assert.Equal("{api.bindings.http.url}", ((ManifestProject)manifest["web"]).Env["services__api__http__0"]);

        var migrations = Assert.IsType<ManifestProject>(manifest["migrations"]);
        Assert.True(migrations.IsRunOnce);
        Assert.Equal(["api", "worker"], migrations.CompletesBefore);
        Assert.Empty(migrations.Bindings);
    }

    [Trait("Tier", "Fast")]
    [Fact]
    public async Task Backing_services_are_published_as_containers_values_and_a_CloudFormation_template()
    {
        var (json, files) = await PublishedManifest.WriteAsync();
        var manifest = AspireManifest.Parse(json, Repository.Root);

        var pg = Assert.IsType<ManifestContainer>(manifest["pg"]);
        Assert.Equal("docker.io/library/postgres:18.3", pg.Image);
        Assert.Equal(5432, pg.Bindings["tcp"].TargetPort);
        var replica = Assert.IsType<ManifestContainer>(manifest["pg-replica"]);
        Assert.Equal("{pg.bindings.tcp.host}", replica.Env["POSTGRES_PRIMARY_HOST"]);
        Assert.Contains("pg_basebackup", replica.Args[1]);
        Assert.Equal("{pg-replica.connectionString};Database=platformdb", Assert.IsType<ManifestValue>(manifest["platformdb-replica"]).Template);
        Assert.Equal("docker.io/library/redis:8.6", Assert.IsType<ManifestContainer>(manifest["cache"]).Image);

        var storage = Assert.IsType<ManifestCloudFormation>(manifest["storage"]);
        Assert.Equal(["api", "worker"], storage.References);
        var template = JsonNode.Parse(Assert.Single(files, f => f.Path == storage.TemplatePath).Content)!;
        var bucket = template["Resources"]!["AssetsBucket"]!;
        Assert.Equal("AWS::S3::Bucket", bucket["Type"]!.GetValue<string>());
        Assert.Equal("Enabled", bucket["Properties"]!["VersioningConfiguration"]!["Status"]!.GetValue<string>());
        Assert.True(bucket["Properties"]!["PublicAccessBlockConfiguration"]!["BlockPublicPolicy"]!.GetValue<bool>());
        // Old versions (deleted or replaced assets) expire after the setting, 30 days unless the AppHost says otherwise.
        var lifecycle = Assert.Single(bucket["Properties"]!["LifecycleConfiguration"]!["Rules"]!.AsArray())!;
        Assert.Equal(S3BucketResource.DefaultNoncurrentVersionDays, lifecycle["NoncurrentVersionExpiration"]!["NoncurrentDays"]!.GetValue<int>());
        Assert.Equal("Enabled", lifecycle["Status"]!.GetValue<string>());
        Assert.NotNull(template["Outputs"]!["AssetsBucketName"]);
        Assert.Equal("Region={storage.output.Region};Bucket={storage.output.AssetsBucketName}", ((ManifestValue)manifest["assets"]).Template);
    }
}
