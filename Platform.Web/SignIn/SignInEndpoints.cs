using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace Platform.Web.SignIn;

internal static class SignInEndpoints
{
    /// <summary>
    /// <c>POST /signout</c> (with the form's antiforgery token): revokes the session's refresh token at the provider (so a
    /// copy of the cookie cannot renew the session), ends the session here and at the provider, which sends the browser
    /// back to the start page, where it is asked to sign in again. A session whose tokens can no longer be refreshed is
    /// sent to sign in, wherever the request was going. <c>GET /account</c>: the provider's page for the account.
    /// </summary>
    public static void MapSignIn(this WebApplication app)
    {
        app.MapPost("/signout", async (HttpContext http, IAntiforgery antiforgery, SessionRevocation revocation) =>
            {
                if (!await antiforgery.IsRequestValidAsync(http))
                {
                    return FormRefused();
                }
                await revocation.RevokeAsync(http, http.RequestAborted);
                return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" },
                    [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]);
            })
            .DisableAntiforgery();
        app.MapGet("/account", async (IOptionsMonitor<OpenIdConnectOptions> oidc, CancellationToken cancellationToken) =>
        {
            var configuration = await oidc.Get(OpenIdConnectDefaults.AuthenticationScheme).ConfigurationManager!.GetConfigurationAsync(cancellationToken);
            return Results.Redirect(new Uri(new Uri(configuration.Issuer), "/account/change-email").ToString());
        });
    }

    /// <summary>A form posted without its page's antiforgery token (another site's, or a stale page's).</summary>
    public static IResult FormRefused() => Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Form refused",
        detail: "The form's antiforgery token is missing or does not match this session: reload the page and send it again.");

    public static void UseSignInAgainWhenTokensLapse(this WebApplication app) => app.Use(async (http, next) =>
    {
        try
        {
            await next(http);
        }
        catch (SignInRequiredException) when (!http.Response.HasStarted)
        {
            await http.ChallengeAsync(new AuthenticationProperties { RedirectUri = http.Request.Path + http.Request.QueryString });
        }
    });
}
