using Microsoft.AspNetCore.Http.Features;

namespace Platform.Web.Api;

public static class UploadEndpoint
{
    /// <summary>
    /// <c>POST /uploads</c>: the upload form's target. A plain endpoint rather than the page's handler, so that nothing
    /// reads (and buffers) the form: the body goes to the api as the browser streams it. No antiforgery token: there is
    /// no sign-in, so a forged post has no session to ride on. Answers with a redirect (post-redirect-get): to the new
    /// asset, or back to the form with what was wrong.
    /// </summary>
    public static void MapUpload(this IEndpointRouteBuilder app) =>
        app.MapPost("/uploads", async (HttpContext context, ApiClient api) =>
        {
            // The api enforces the size limit; this one would only cut large uploads off without saying why.
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            {
                bodySize.MaxRequestBodySize = null;
            }
            var (asset, problem) = await api.UploadAsync(context.Request.Body, context.Request.ContentType, context.Request.ContentLength, context.RequestAborted);
            return asset is not null
                ? Results.Redirect($"/assets/{asset.Id}", preserveMethod: false)
                : Results.Redirect($"/upload?problem={Uri.EscapeDataString(problem!.Message)}");
        }).ExcludeFromDescription();
}
