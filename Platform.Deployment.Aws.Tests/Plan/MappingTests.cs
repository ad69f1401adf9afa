using Platform.Deployment.Aws.ElastiCache;
using Platform.Deployment.Aws.Fargate;
using Platform.Deployment.Aws.Mappings;
using Platform.Deployment.Aws.Rds;
using Platform.Deployment.Aws.S3;
using Platform.Deployment.Aws.SecretsManager;
using Platform.Deployment.Aws.Settings;
using Platform.Deployment.Aws.Tests.Infrastructure;
using Platform.Deployment.Aws.Values;
using Platform.Manifest;
using DeploymentPlan = Platform.Deployment.Aws.Plan.DeploymentPlan;
using PlanBuilder = Platform.Deployment.Aws.Plan.PlanBuilder;

namespace Platform.Deployment.Aws.Tests.Plan;

/// <summary>The mapping table decides what each resource becomes, before anything is synthesized.</summary>
[Trait("Tier", "Fast")]
public sealed class MappingTests
{
    private static readonly DeploymentSettings Https = new() { Domain = "example.com", HostedZoneId = "Z0123456789EXAMPLE" };

    [Theory]
    [InlineData("pg", typeof(DatabaseServer))]
    [InlineData("pg-replica", typeof(PostgresReplica))]
    [InlineData("cache", typeof(CacheCluster))]
    [InlineData("storage", typeof(IncludedStorage))]
    [InlineData("pg-password", typeof(PlannedParameter))]
    [InlineData("platformdb", typeof(ExpandedValue))]
    [InlineData("api", typeof(Workload))]
    [InlineData("migrations", typeof(Workload))]
    public void Each_resource_of_the_repository_s_manifest_is_planned_by_its_mapping(string resource, Type planned)
    {
        var plan = Plan(Repository.PlatformManifest);

        Assert.IsType(planned, plan.Find(resource));
    }

    [Fact]
    public void A_replica_of_a_PostgreSQL_image_is_a_read_replica_of_the_primary_its_variable_names()
    {
        var replica = Assert.IsType<PostgresReplica>(Plan(Repository.PlatformManifest).Find("pg-replica"));

        Assert.Equal("pg", replica.Primary);
    }

    [Fact]
    public void The_deployment_adds_the_step_that_creates_databases_before_the_run_once_tasks_it_prepares()
    {
        var plan = Plan(Repository.AppManifest("sql"));

        // One step per server, each the first run-once task when it is added (so the later server's comes first), reported in the servers' order.
        Assert.Equal(["sqlserver-databases", "mysql-databases"], plan.RunOnceTasks.Select(w => w.Name).Take(2));
        Assert.Equal(["mysql-databases", "sqlserver-databases"], plan.Added.Select(a => a.Name).TakeLast(2));
        Assert.Equal(["inventory-api"], plan.RunOnceTasks.Single(w => w.Name == "mysql-databases").CompletesBefore);
    }

    [Theory]
    [InlineData("""{ "type": "executable.v0", "command": "npm", "workingDirectory": "." }""", "runs a local command")]
    [InlineData("""{ "type": "azure.bicep.v0", "path": "x.bicep" }""", "is an Azure resource")]
    [InlineData("""{ "type": "aws.cloudformation.stack.v0", "stack-name": "other" }""", "refers to a stack deployed elsewhere")]
    [InlineData("""{ "type": "unknown.v0" }""", "has type 'unknown.v0', which this deployment does not know")]
    public void A_resource_no_mapping_takes_is_an_error_saying_why(string json, string message)
    {
        var manifest = AspireManifest.Parse($$"""{ "resources": { "it": {{json}} } }""", Directory.GetCurrentDirectory());

        var error = Assert.Throws<DeploymentException>(() => ResourceMappings.For(manifest["it"]));

        Assert.StartsWith("'it'", error.Message);
        Assert.Contains(message, error.Message);
    }

    private static DeploymentPlan Plan(string manifest) => PlanBuilder.Build(AspireManifest.Load(manifest), Https, _ => "build");
}
