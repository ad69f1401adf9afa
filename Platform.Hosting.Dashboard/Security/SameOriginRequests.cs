using Microsoft.AspNetCore.Http;

namespace Platform.Hosting.Dashboard.Security;

/// <summary>
/// Refuses a state-changing request (Stop, Start, Restart, the login form: any method but GET and HEAD) that a page of
/// another origin sent. The session cookie is SameSite=Strict, but every port of localhost is the same site, so without
/// this check a page served by any local process (a service of the graph, a dev server) could post Stop with the
/// browser's cookie. Browsers say where a request comes from: <c>Sec-Fetch-Site</c>, else <c>Origin</c> (sent with
/// every POST). A request with neither comes from no page (curl, a test), which holds the cookie itself.
/// </summary>
internal static class SameOriginRequests
{
    public static async Task RequireAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || IsSameOrigin(request))
        {
            await next(context);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
        }
    }

    public static bool IsSameOrigin(HttpRequest request)
    {
        if (request.Headers["Sec-Fetch-Site"] is { Count: > 0 } site)
        {
            return site == "same-origin";
        }
        if (request.Headers.Origin is { Count: > 0 } origin)
        {
            return string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
        }
        return true;
    }
}
