using Microsoft.Net.Http.Headers;

namespace Platform.Api.Http;

/// <summary>
/// JSON bodies are UTF-8 (RFC 8259). A request that declares another charset is refused with 415 before binding reads
/// it: the binder would otherwise fail on an encoding it does not know (utf-7, a made-up name) with a 500.
/// </summary>
public static class Utf8JsonOnly
{
    public static IApplicationBuilder UseUtf8JsonOnly(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var mediaType)
            && mediaType.MediaType.Value?.EndsWith("json", StringComparison.OrdinalIgnoreCase) == true
            && mediaType.Charset.HasValue
            && !mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            await Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported charset",
                detail: $"JSON must be UTF-8; the charset '{mediaType.Charset}' is not accepted.").ExecuteAsync(context);
            return;
        }
        await next(context);
    });
}
