namespace LoadDriver;

/// <summary>
/// The share of each route in the load, in percent. Reads dominate, as in a service whose people mostly look at what
/// they uploaded: the asset and its job polled while it is processed, lists, analytics. Changes (uploads, jobs) are 5 %,
/// and a tenth of the requests are pages of web, each of which calls the api in turn.
/// </summary>
internal static class Mix
{
    public static readonly IReadOnlyList<(Route Route, int Percent)> Shares =
    [
        (Route.AssetGet, 40),
        (Route.AssetList, 10),
        (Route.AssetContent, 4),
        (Route.AssetReport, 5),
        (Route.Analytics, 8),
        (Route.JobGet, 18),
        (Route.Upload, 3),
        (Route.JobCreate, 2),
        (Route.WebIndex, 5),
        (Route.WebAsset, 4),
        (Route.WebAnalytics, 1),
    ];

    /// <summary>Changes per request of the mix: what the api's per-person rate limit applies to. An upload is two (its
    /// presigned request and its completion).</summary>
    public static double MutationShare => Shares.Sum(s => s.Route switch { Route.Upload => 2 * s.Percent, Route.JobCreate => s.Percent, _ => 0 }) / 100.0;

    public static Route Pick(Random random)
    {
        var roll = random.Next(100);
        foreach (var (route, percent) in Shares)
        {
            if ((roll -= percent) < 0)
            {
                return route;
            }
        }
        return Shares[^1].Route;
    }

    public static string PathOf(Route route) => route switch
    {
        Route.AssetGet => "GET /api/assets/{id}",
        Route.AssetList => "GET /api/assets",
        // With the store's GET it redirects to.
        Route.AssetContent => "GET /api/assets/{id}/content",
        Route.AssetReport => "GET /api/assets/{id}/report",
        Route.Analytics => "GET /api/analytics/summary",
        Route.JobGet => "GET /api/jobs/{id}",
        // The presigned request, the store's PUT and the completion.
        Route.Upload => "POST /api/uploads, PUT, complete",
        Route.JobCreate => "POST /api/jobs",
        Route.WebIndex => "web GET /",
        Route.WebAsset => "web GET /assets/{id}",
        Route.WebAnalytics => "web GET /analytics",
        _ => route.ToString(),
    };
}
