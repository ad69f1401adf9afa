using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Analytics;

namespace Platform.Api.Apis;

public static class AnalyticsApi
{
    public static RouteGroupBuilder MapAnalyticsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/analytics").WithTags("Analytics");
        api.MapGet("/summary", GetSummary).WithName("GetAnalyticsSummary")
            .WithSummary("Counts, bytes and processing latency, from the read replica (cached for a few seconds)");
        return api;
    }

    public static async Task<Ok<AnalyticsSummary>> GetSummary(AnalyticsQuery analytics, CancellationToken cancellationToken) =>
        TypedResults.Ok(await analytics.GetSummaryAsync(cancellationToken));
}
