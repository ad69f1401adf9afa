using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api;

namespace Platform.Tests.Deployment;

/// <summary>The api's OpenAPI document and Scalar reference exist in Development only (the deployment runs Production).</summary>
public sealed class ApiReferenceTests
{
    [Theory]
    [InlineData("Development", true)]
    [InlineData("Production", false)]
    [InlineData("Staging", false)]
    public async Task OpenAPI_and_Scalar_are_mapped_in_Development_only(string environment, bool mapped)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Services.AddOpenApi();
        await using var app = builder.Build();

        app.MapApiReference();

        var routes = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText ?? "").ToList();
        Assert.Equal(mapped, routes.Any(r => r.Contains("openapi", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(mapped, routes.Any(r => r.Contains("scalar", StringComparison.OrdinalIgnoreCase)));
    }
}
