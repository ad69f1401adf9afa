using Platform.Deployment.Aws.ElastiCache;
using Platform.Deployment.Aws.Rds;
using Platform.Deployment.Aws.Settings;
using Platform.Manifest;
using PlanBuilder = Platform.Deployment.Aws.Plan.PlanBuilder;

namespace Platform.Deployment.Aws.Tests.Plan;

/// <summary>
/// An image's tag becomes an engine version only as the managed service offers it: its major (RDS for PostgreSQL then
/// takes the newest minor), a line's substitute where the service will not carry the line, an error naming what is
/// offered for a major the service does not know, a setting's version over all of these; the plan says which and why.
/// </summary>
[Trait("Tier", "Fast")]
public sealed class EngineVersionTests
{
    [Theory]
    [InlineData("docker.io/library/postgres:18.3", "18", "the image asks for 18.3: its major, whose newest minor RDS for PostgreSQL takes")]
    [InlineData("docker.io/pgvector/pgvector:pg17", "17", "the image asks for pg17: its major, whose newest minor RDS for PostgreSQL takes")]
    [InlineData("docker.io/library/mysql:9", "8.4.11", "the image asks for 9, which RDS for MySQL does not offer: RDS runs MySQL's long-term releases only (8.0, 8.4): 8.4")]
    [InlineData("docker.io/library/mysql:8.0.40", "8.0.46", "the image asks for 8.0.40: RDS for MySQL's newest 8.0 as of 2026-12-07")]
    [InlineData("mcr.microsoft.com/mssql/server:2022-latest", "16.00.4265.3.v1", "the image asks for 2022-latest: RDS for SQL Server's newest 2022 as of 2026-12-07")]
    public void A_database_image_becomes_the_version_RDS_offers_for_its_major(string image, string version, string why)
    {
        var (plan, line) = Plan(Server(image));

        var server = Assert.IsType<DatabaseServer>(plan.Find("db"));
        Assert.Equal((version, why), (server.EngineVersion.Version, server.EngineVersion.Why));
        Assert.Contains($" {version} ({why})", line);
    }

    [Theory]
    [InlineData("docker.io/library/redis:8.6", "7.1", "the image asks for 8.6, which ElastiCache for Redis OSS does not offer: ElastiCache's Redis OSS ends at 7.1")]
    [InlineData("docker.io/library/redis:7.4", "7.1", "the image asks for 7.4: ElastiCache for Redis OSS's newest 7 as of 2026-12-07")]
    [InlineData("docker.io/valkey/valkey:8.1", "8.2", "the image asks for 8.1: ElastiCache for Valkey's newest 8 as of 2026-12-07")]
    public void A_cache_image_becomes_the_version_ElastiCache_offers_for_its_major(string image, string version, string why)
    {
        var (plan, line) = Plan(Cache(image));

        var cache = Assert.IsType<CacheCluster>(plan.Find("db"));
        Assert.Equal(version, cache.Version.Version);
        Assert.StartsWith(why, cache.Version.Why);
        Assert.Contains($" {version} ({why}", line);
    }

    [Theory]
    [InlineData("docker.io/library/postgres:19", "postgres.engineVersion", "RDS for PostgreSQL does not offer (as of 2026-12-07 it offers 13, 14, 15, 16, 17, 18)")]
    [InlineData("docker.io/valkey/valkey:10.0", "redis.valkeyEngineVersion", "ElastiCache for Valkey does not offer (as of 2026-12-07 it offers 7, 8, 9)")]
    public void A_major_the_service_does_not_offer_is_an_error_naming_what_it_offers_and_the_setting(string image, string setting, string offered)
    {
        var manifest = image.Contains("valkey", StringComparison.Ordinal) ? Cache(image) : Server(image);

        var error = Assert.Throws<DeploymentException>(() => PlanBuilder.Build(manifest, new DeploymentSettings(), _ => "build"));

        Assert.Contains($"'db' ({image}): the image asks for {image.Split(':')[^1]}, which {offered}: set {setting} to a version it offers", error.Message);
    }

    [Fact]
    public void A_version_the_settings_pin_is_used_as_it_is()
    {
        var settings = new DeploymentSettings { Postgres = new RdsSettings { EngineVersion = "17.6" } };

        var plan = PlanBuilder.Build(Server("docker.io/library/postgres:18.3"), settings, _ => "build");

        Assert.Equal(("17.6", "pinned by postgres.engineVersion"), (((DatabaseServer)plan.Find("db")!).EngineVersion.Version, ((DatabaseServer)plan.Find("db")!).EngineVersion.Why));
    }

    private static (Aws.Plan.DeploymentPlan Plan, string Line) Plan(AspireManifest manifest)
    {
        var plan = PlanBuilder.Build(manifest, new DeploymentSettings(), _ => "build");
        return (plan, Assert.Single(plan.Report, l => l.StartsWith("- `db` ", StringComparison.Ordinal)));
    }

    private static AspireManifest Server(string image) => Manifest(image, image.Contains("mssql", StringComparison.Ordinal)
        ? "Server={db.bindings.tcp.host},{db.bindings.tcp.port};User ID=sa;Password={pw.value}"
        : "Host={db.bindings.tcp.host};Port={db.bindings.tcp.port};Username=app;Password={pw.value}");

    private static AspireManifest Cache(string image) => Manifest(image, "{db.bindings.tcp.host}:{db.bindings.tcp.port},password={pw.value}");

    private static AspireManifest Manifest(string image, string connectionString) => AspireManifest.Parse($$"""
        {
          "resources": {
            "pw": { "type": "parameter.v0", "value": "{pw.inputs.value}", "inputs": { "value": { "type": "string", "secret": true, "default": { "generate": { "minLength": 22, "special": false } } } } },
            "db": {
              "type": "container.v0", "image": "{{image}}", "connectionString": "{{connectionString}}",
              "bindings": { "tcp": { "scheme": "tcp", "protocol": "tcp", "transport": "tcp", "targetPort": 5432 } }
            }
          }
        }
        """, Directory.GetCurrentDirectory());
}
