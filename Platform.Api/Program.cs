using Platform.Api.Apis;
using Platform.Api;
using Platform.Api.Problems;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.Services.AddOpenApi();

var app = builder.Build();

app.UseProblemResponses();
app.UseRateLimiter();

app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapScalarApiReference();
app.MapGet("/", () => "Platform API").ExcludeFromDescription();

app.MapAssetsApi();
app.MapJobsApi();
app.MapAnalyticsApi();

app.Run();
