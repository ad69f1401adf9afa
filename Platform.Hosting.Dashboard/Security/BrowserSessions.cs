using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Platform.Hosting.Dashboard.Security;

/// <summary>
/// The browsers that have logged in with the token. The token itself is never stored in the browser: a login
/// trades it for a random session cookie, valid until the AppHost stops.
/// </summary>
internal sealed class BrowserSessions(DashboardEndpoints endpoints)
{
    public const string CookieName = "platform-dashboard";

    private readonly ConcurrentDictionary<string, byte> _sessions = new(StringComparer.Ordinal);

    public bool IsLoggedIn(HttpContext context) =>
        context.Request.Cookies.TryGetValue(CookieName, out var session) && _sessions.ContainsKey(session);

    /// <summary>Logs the browser in if <paramref name="token"/> is this run's token.</summary>
    public bool TryLogIn(HttpContext context, string? token)
    {
        if (!DashboardEndpoints.Matches(token, endpoints.BrowserToken))
        {
            return false;
        }
        var session = DashboardEndpoints.GenerateToken();
        _sessions[session] = 0;
        context.Response.Cookies.Append(CookieName, session, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            IsEssential = true,
        });
        return true;
    }

    /// <summary>Lets through the login page and the stylesheet; sends browsers without a session to the login
    /// page and refuses everything else with 401.</summary>
    public async Task RequireLoginAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/login") || path.StartsWithSegments("/assets") || IsLoggedIn(context))
        {
            await next(context);
        }
        else if (HttpMethods.IsGet(context.Request.Method) && !path.StartsWithSegments("/api") && !path.StartsWithSegments("/fragments"))
        {
            context.Response.Redirect("/login");
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        }
    }
}
