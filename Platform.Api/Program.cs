using Platform.Api.Apis;
using Platform.Api.Authorization;
using Platform.Api;
using Platform.Api.Http;
using Platform.Api.Problems;
using Platform.ServiceDefaults.Http;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.Services.AddOpenApi();

var app = builder.Build();

app.UseProblemResponses();
app.UseHeaderSizeLimit();
app.UseUtf8JsonOnly();
app.UseBearerAuthentication();
app.UseScopeAuthorization();
// After authentication: the limit is per caller.
app.UseRateLimiter();

app.MapDefaultEndpoints();
app.MapApiReference();
app.MapGet("/", () => "Platform API").ExcludeFromDescription();

app.MapAssetsApi();
app.MapUploadsApi();
app.MapJobsApi();
app.MapAnalyticsApi();

app.Run();
