using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Platform.Api.Authorization;

/// <summary>401 and 403 as ProblemDetails, with the bearer challenge the OAuth client reads (RFC 6750) kept.</summary>
internal static class ProblemAnswers
{
    public static async Task ChallengeAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var response = context.Response;
        response.StatusCode = StatusCodes.Status401Unauthorized;
        var error = string.IsNullOrEmpty(context.Error) ? "" : $", error=\"{context.Error}\"";
        response.Headers.WWWAuthenticate = $"Bearer realm=\"platform-api\"{error}";
        await WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "Unauthorized",
            context.AuthenticateFailure is null
                ? "A bearer token from the identity provider is required: Authorization: Bearer <access token>."
                : "The bearer token is not valid: it is expired, malformed, for another audience, or not signed by the identity provider.");
    }

    public static Task ForbiddenAsync(ForbiddenContext context) =>
        WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "Forbidden", "The token does not carry the scope this request needs.");

    private static async Task WriteAsync(HttpContext http, int status, string title, string detail)
    {
        http.Response.StatusCode = status;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
