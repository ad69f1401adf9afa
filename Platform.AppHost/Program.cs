using Platform.Deployment.Aws.Publishing;
using Platform.Hosting;
using Platform.Hosting.PostgreSQL;
using Platform.Hosting.Projects;
using Platform.Hosting.Redis;
using Platform.Hosting.S3;

var builder = DistributedApplication.CreateBuilder(args);

// --publisher ecs: the graph as an AWS ECS Fargate deployment, sized by the settings beside the manifest.
builder.AddAwsEcsDeployment("../ecs-settings.json");

var pg = builder.AddPostgres("pg");
var db = pg.AddDatabase("platformdb");
var dbReplica = pg.AddReadReplica("pg-replica").AddDatabase("platformdb-replica", databaseName: "platformdb");

var cache = builder.AddRedis("cache");

var assets = builder.AddS3Storage("storage").AddBucket("assets");

var migrations = builder.AddProject<Projects.Platform_Migrations>("migrations")
    .WithReference(db)
    .WaitFor(db);

var api = builder.AddProject<Projects.Platform_Api>("api")
    .WithExternalHttpEndpoints()
    .WithReference(db)
    .WithReference(dbReplica) // not waited for: reads fall back to the primary until the replica is up
    .WithReference(cache)
    .WithReference(assets)
    .WaitForCompletion(migrations)
    .WaitFor(cache)
    .WaitFor(assets);

builder.AddProject<Projects.Platform_Worker>("worker")
    .WithReplicas(2)
    .WithReference(db)
    .WithReference(cache)
    .WithReference(assets)
    .WaitForCompletion(migrations)
    .WaitFor(cache)
    .WaitFor(assets);

builder.AddProject<Projects.Platform_Web>("web")
    .WithExternalHttpEndpoints()
    .WithReference(api);

builder.Build().Run();
