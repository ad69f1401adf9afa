using System.Text.Json.Nodes;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Deployment;

/// <summary>
/// The project's own graph with the identity service the AppHost is gaining: a second database (<c>identitydb</c>)
/// on the same <c>pg</c> server and a run-once <c>identity-setup</c>. RDS keeps creating <c>platformdb</c> (its
/// <c>DBName</c> cannot change without replacing the instance); the deployment's step creates <c>identitydb</c> if
/// missing, before everything that uses <c>pg</c> starts, the run-once tasks included.
/// </summary>
public sealed class IdentityDatabaseTests
{
    [Fact]
    public void A_second_database_on_the_platform_server_is_created_before_its_users_start()
    {
        var folder = Directory.CreateTempSubdirectory("platform-identity-").FullName;
        try
        {
            var manifest = JsonNode.Parse(File.ReadAllText(Repository.ManifestPath))!;
            var resources = manifest["resources"]!.AsObject();
            resources["identitydb"] = JsonNode.Parse("""{ "type": "value.v0", "connectionString": "{pg.connectionString};Database=identitydb" }""");
            resources["identity-setup"] = JsonNode.Parse("""
                { "type": "platform.project.run-once.v0", "path": "Platform.Identity/Platform.Identity.csproj", "args": ["setup"],
                  "env": { "ConnectionStrings__identitydb": "{identitydb.connectionString}" }, "completesBefore": ["identity"] }
                """);
            resources["identity"] = JsonNode.Parse("""
                { "type": "project.v0", "path": "Platform.Identity/Platform.Identity.csproj",
                  "env": { "HTTP_PORTS": "{identity.bindings.http.targetPort}", "ConnectionStrings__identitydb": "{identitydb.connectionString}" },
                  "bindings": { "http": { "scheme": "http", "protocol": "tcp", "transport": "http", "external": true },
                                "https": { "scheme": "https", "protocol": "tcp", "transport": "http", "external": true } } }
                """);
            var manifestPath = Path.Combine(folder, "aspire-manifest.json");
            File.WriteAllText(manifestPath, manifest.ToJsonString());
            Directory.CreateDirectory(Path.Combine(folder, "cloudformation"));
            File.Copy(Path.Combine(Repository.Root, "cloudformation", "storage.template.json"), Path.Combine(folder, "cloudformation", "storage.template.json"));

            var template = SynthesizedTemplate.Synthesize(manifestPath, Path.Combine(Repository.Root, "ecs-settings.json"), Path.Combine(folder, "out"));

            Assert.Equal("platformdb", template.Single("AWS::RDS::DBInstance", "Pg").Properties["DBName"]!.GetValue<string>());
            Assert.Equal("identitydb", template.Variables("pg-databases").Environment["DATABASES"]);
            var runs = template.Resources.Where(r => r.Value!["Type"]!.GetValue<string>() == "Custom::RunOnce").Select(r => r.Key).ToList();
            var step = Assert.Single(runs, r => r.StartsWith("PgDatabasesRun", StringComparison.Ordinal));
            foreach (var runOnce in new[] { "MigrationsRun", "IdentitySetupRun" })
            {
                Assert.Contains(step, template.DependsOn(Assert.Single(runs, r => r.StartsWith(runOnce, StringComparison.Ordinal))));
            }
            foreach (var service in new[] { "ApiService", "WorkerService", "IdentityService" })
            {
                Assert.Contains(step, template.DependsOn(template.Single("AWS::ECS::Service", service).Id));
            }
            Assert.Contains(Assert.Single(runs, r => r.StartsWith("IdentitySetupRun", StringComparison.Ordinal)), template.DependsOn(template.Single("AWS::ECS::Service", "IdentityService").Id));
            // web does not use the database: it does not wait.
            Assert.DoesNotContain(step, template.DependsOn(template.Single("AWS::ECS::Service", "WebService").Id));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
