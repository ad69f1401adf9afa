var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddNpgsqlDataSource("platformdb");
builder.AddNpgsqlReadReplicaDataSource("platformdb-replica", primaryConnectionName: "platformdb");
builder.AddRedisClient("cache");
builder.AddS3Client("assets");

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapGet("/", () => "Platform API");

app.Run();
