using Microsoft.AspNetCore.Antiforgery;
using Platform.Web.SignIn;

namespace Platform.Web.Api;

/// <summary>
/// What the upload page's script calls, with the page's antiforgery token in a header: <c>POST /uploads/presigned</c>
/// gets the api's presigned request for the file the browser then sends to the store itself (with progress), and
/// <c>POST /uploads/{uploadId}/complete</c> records it. Only metadata passes through web. Without JavaScript the form
/// posts the file to <see cref="UploadEndpoint"/> instead.
/// </summary>
public static class PresignedUploadEndpoints
{
    public static void MapPresignedUploads(this IEndpointRouteBuilder app)
    {
        app.MapPost("/uploads/presigned", async (NewUpload upload, HttpContext context, ApiClient api, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return SignInEndpoints.FormRefused();
            }
            var (ticket, problem) = await api.CreateUploadAsync(upload, context.RequestAborted);
            return ticket is not null ? Results.Json(ticket, statusCode: StatusCodes.Status201Created) : Refused(problem!);
        }).DisableAntiforgery().ExcludeFromDescription();

        app.MapPost("/uploads/{uploadId:guid}/complete", async (Guid uploadId, HttpContext context, ApiClient api, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return SignInEndpoints.FormRefused();
            }
            var (asset, problem) = await api.CompleteUploadAsync(uploadId, context.RequestAborted);
            return asset is not null ? Results.Json(new { location = $"/assets/{asset.Id}" }) : Refused(problem!);
        }).DisableAntiforgery().ExcludeFromDescription();
    }

    /// <summary>The api's 4xx, passed on with its message for the page to show.</summary>
    private static IResult Refused(Problem problem) =>
        Results.Problem(statusCode: problem.Status ?? StatusCodes.Status400BadRequest, title: problem.Title, detail: problem.Message);
}
