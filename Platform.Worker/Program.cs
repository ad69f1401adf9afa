var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddNpgsqlDataSource("platformdb");
builder.AddRedisClient("cache");
builder.AddS3Client("assets");

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();
