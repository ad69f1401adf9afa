// One executable (redis-server) and one project on fixed ports: bench/startup.sh waits for the project to answer.
var builder = DistributedApplication.CreateBuilder(args);

var redis = builder.AddExecutable("redis", "redis-server", ".", "--port", "18999", "--save", "");
builder.AddProject<Projects.AspireFloor_Service>("service")
    .WithHttpEndpoint(port: 18998, isProxied: false)
    .WaitFor(redis);

builder.Build().Run();
