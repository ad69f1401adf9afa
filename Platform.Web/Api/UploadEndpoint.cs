using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Platform.Web.SignIn;

namespace Platform.Web.Api;

public static class UploadEndpoint
{
    /// <summary>The query parameter that carries the upload form's antiforgery token (see <see cref="MapUpload"/>).</summary>
    public const string TokenParameter = "token";

    /// <summary>
    /// <c>POST /uploads</c>: the upload form's target. A plain endpoint rather than the page's handler, so that nothing
    /// reads (and buffers) the form: the body goes to the api as the browser streams it. So the form's antiforgery token
    /// travels in the form's address (<c>?token=</c>), checked here as a header would be, before any of the body is read.
    /// Answers with a redirect (post-redirect-get): to the new asset, or back to the form with what was wrong.
    /// </summary>
    public static void MapUpload(this IEndpointRouteBuilder app) =>
        app.MapPost("/uploads", async (HttpContext context, ApiClient api, IAntiforgery antiforgery, IOptions<AntiforgeryOptions> options) =>
        {
            context.Request.Headers[options.Value.HeaderName!] = context.Request.Query[TokenParameter];
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return SignInEndpoints.FormRefused();
            }
            // The api enforces the size limit; this one would only cut large uploads off without saying why.
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            {
                bodySize.MaxRequestBodySize = null;
            }
            var (asset, problem) = await api.UploadAsync(context.Request.Body, context.Request.ContentType, context.Request.ContentLength, context.RequestAborted);
            return asset is not null
                ? Results.Redirect($"/assets/{asset.Id}", preserveMethod: false)
                : Results.Redirect($"/upload?problem={Uri.EscapeDataString(problem!.Message)}");
        }).DisableAntiforgery().ExcludeFromDescription();
}
