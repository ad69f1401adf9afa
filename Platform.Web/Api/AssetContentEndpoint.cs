namespace Platform.Web.Api;

public static class AssetContentEndpoint
{
    /// <summary><c>/assets/{id}/content</c>: the download link of the detail page, streamed through from the api.</summary>
    public static void MapAssetContent(this IEndpointRouteBuilder app) =>
        app.MapGet("/assets/{id:guid}/content", async (Guid id, ApiClient api, HttpContext context) =>
        {
            using var response = await api.OpenContentAsync(id, context.RequestAborted);
            if ((int)response.StatusCode >= 500)
            {
                // The api or its storage is down: the problem responses make it a 503 with Retry-After.
                response.EnsureSuccessStatusCode();
            }
            if (!response.IsSuccessStatusCode)
            {
                return Results.StatusCode((int)response.StatusCode);
            }
            context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
            context.Response.Headers.ContentDisposition = response.Content.Headers.ContentDisposition?.ToString();
            context.Response.Headers.XContentTypeOptions = "nosniff";
            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
            return Results.Empty;
        });
}
