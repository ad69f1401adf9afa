using Platform.Hosting;
using Platform.Hosting.ApplicationModel;
using Platform.Hosting.Executables;
using Platform.Hosting.Parameters;
using Platform.Hosting.PostgreSQL;
using Platform.Hosting.Redis;
using Platform.Tests.Orchestration;

namespace Platform.Tests.ApplicationModel;

/// <summary>What a service receives from the graph, in run and in publish mode: Aspire's variable names and formats.</summary>
[Trait("Tier", "Fast")]
public sealed class WiringTests
{
    private static readonly DistributedApplicationExecutionContext Run = new(DistributedApplicationOperation.Run);
    private static readonly DistributedApplicationExecutionContext Publish = new(DistributedApplicationOperation.Publish);

    [Fact]
    public async Task WithReference_injects_connection_strings_and_service_endpoints_under_Aspires_names()
    {
        var builder = SmallGraphs.Create();
        var pg = builder.AddPostgres("pg");
        var db = pg.AddDatabase("appdb");
        var cache = builder.AddRedis("cache");
        var backend = builder.AddExecutable("backend", "sleep", ".", "1").WithHttpEndpoint();
        var frontend = builder.AddExecutable("frontend", "sleep", ".", "1")
            .WithReference(db)
            .WithReference(cache, connectionName: "queue")
            .WithReference(backend);
        Allocate(pg.Resource, 5433);
        Allocate(cache.Resource, 6380);
        Allocate(backend.Resource, 8081);
        pg.Resource.Password.Value = "pw";
        cache.Resource.Password.Value = "redis-pw";

        var environment = await EnvironmentEvaluation.ResolveAsync(frontend.Resource, Run, CancellationToken.None);

        Assert.Equal("Host=localhost;Port=5433;Username=postgres;Password=pw;Database=appdb", environment["ConnectionStrings__appdb"]);
        Assert.Equal("localhost:6380,password=redis-pw", environment["ConnectionStrings__queue"]);
        Assert.Equal("http://localhost:8081", environment["services__backend__http__0"]);

        var placeholders = EnvironmentEvaluation.Expressions(frontend.Resource, Publish);
        Assert.Equal("{appdb.connectionString}", placeholders["ConnectionStrings__appdb"]);
        Assert.Equal("{cache.connectionString}", placeholders["ConnectionStrings__queue"]);
        Assert.Equal("{backend.bindings.http.url}", placeholders["services__backend__http__0"]);
    }

    [Fact]
    public void Reference_expressions_keep_literal_braces_and_write_placeholders()
    {
        var builder = SmallGraphs.Create();
        var secret = builder.AddParameter("api-key", secret: true);

        var expression = ReferenceExpression.Create($"{{\"key\": \"{secret.Resource}\"}}");

        Assert.Equal("{\"key\": \"{api-key.value}\"}", expression.ValueExpression);
    }

    [Fact]
    public async Task A_parameter_without_a_value_is_named_with_how_to_set_it()
    {
        var builder = SmallGraphs.Create();
        var key = builder.AddParameter("api-key", secret: true);
        builder.AddExecutable("service", "sleep", ".", "60").WithEnvironment("API_KEY", key);
        await using var app = await builder.BuildAsync();

        var failure = await Assert.ThrowsAsync<DistributedApplicationException>(() => app.StartAsync());

        Assert.Equal("Parameter 'api-key' has no value. Set configuration key 'Parameters:api-key', for example with the environment variable Parameters__api-key=<value>.", failure.Message);
    }

    [Theory]
    [InlineData("1api")]
    [InlineData("api--v2")]
    [InlineData("api_v2")]
    [InlineData("")]
    public void Resource_names_follow_Aspires_rules(string name)
    {
        var builder = SmallGraphs.Create();

        var failure = Assert.Throws<ArgumentException>(() => builder.AddExecutable(name, "sleep", "."));

        Assert.Contains("is invalid", failure.Message);
    }

    [Fact]
    public void A_resource_name_is_used_once()
    {
        var builder = SmallGraphs.Create();
        builder.AddRedis("cache");

        var failure = Assert.Throws<DistributedApplicationException>(() => builder.AddRedis("Cache"));

        Assert.Contains("a resource with that name already exists", failure.Message);
    }

    [Fact]
    public void A_replica_database_must_copy_a_database_of_the_primary()
    {
        var builder = SmallGraphs.Create();
        var replica = builder.AddPostgres("pg").AddReadReplica("pg-replica");

        var failure = Assert.Throws<DistributedApplicationException>(() => replica.AddDatabase("reports-replica", "reports"));

        Assert.Contains("'reports', which is not a database of 'pg'. Add it to the primary first.", failure.Message);
    }

    private static void Allocate(IResource resource, int port)
    {
        foreach (var endpoint in resource.AnnotationsOf<EndpointAnnotation>())
        {
            endpoint.Allocated = new AllocatedEndpoint(endpoint.Scheme, endpoint.LocalHost, port);
        }
    }
}
