using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Analytics;
using Platform.Api.Authorization;
using Platform.Api.Contracts.Authorization;

namespace Platform.Api.Apis;

public static class AnalyticsApi
{
    public static RouteGroupBuilder MapAnalyticsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/analytics").WithTags("Analytics");
        api.MapGet("/summary", GetSummary).WithName("GetAnalyticsSummary")
            .WithSummary("Counts, bytes and processing latency of the caller's assets (an admin: all), from the read replica (cached for a few seconds)")
            .RequireScope(ApiScopes.Read);
        return api;
    }

    public static async Task<Ok<AnalyticsSummary>> GetSummary(Caller caller, AnalyticsQuery analytics, CancellationToken cancellationToken) =>
        TypedResults.Ok(await analytics.GetSummaryAsync(caller, cancellationToken));
}
