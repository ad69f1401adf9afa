namespace Platform.Web.Api;

public static class AssetContentEndpoint
{
    /// <summary><c>/assets/{id}/content</c>: the download link of the detail page. The bytes come from the store, not
    /// through web: the browser is sent on to the short-lived presigned GET the api redirects to.</summary>
    public static void MapAssetContent(this IEndpointRouteBuilder app) =>
        app.MapGet("/assets/{id:guid}/content", async (Guid id, ApiClient api, HttpContext context) =>
        {
            if (await api.GetContentLocationAsync(id, context.RequestAborted) is not { } location)
            {
                return Results.NotFound();
            }
            // The URL expires in seconds: neither the browser nor a proxy may keep the redirect.
            context.Response.Headers.CacheControl = "no-store";
            return Results.Redirect(location.AbsoluteUri);
        });
}
