using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Primitives;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Platform.Identity.RateLimiting;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Identity.Connect;

/// <summary>
/// The OpenID Connect endpoints whose outcome is the application's to decide (OpenIddict validates each request
/// first and answers malformed ones with the OAuth error itself): who signs in, and what a token says.
/// Discovery (<c>/.well-known/openid-configuration</c>) and the key set are OpenIddict's own.
/// </summary>
internal static class ConnectEndpoints
{
    public const string Authorize = "connect/authorize";
    public const string Token = "connect/token";
    public const string UserInfo = "connect/userinfo";
    public const string EndSession = "connect/endsession";
    /// <summary>OpenIddict's own (RFC 7009): web revokes a session's refresh token there when the person signs out.</summary>
    public const string Revocation = "connect/revoke";

    public static void MapConnectEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods($"/{Authorize}", [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync).DisableAntiforgery()
            .RequireRateLimiting(SignInRateLimiting.AuthorizePolicy);
        // Limited per authenticated caller inside, once OpenIddict knows who it is (TokenRequestLimiter).
        app.MapPost($"/{Token}", TokenAsync).DisableAntiforgery();
        app.MapMethods($"/{UserInfo}", [HttpMethods.Get, HttpMethods.Post], UserInfoAsync).DisableAntiforgery();
        app.MapMethods($"/{EndSession}", [HttpMethods.Get, HttpMethods.Post], EndSessionAsync).DisableAntiforgery();
    }

    /// <summary>A person who has not signed in is sent to the sign-in page and back; one who has gets a code. Consent is
    /// implicit: the clients are this platform's own.</summary>
    private static async Task<IResult> AuthorizeAsync(HttpContext http, UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn, TokenPrincipals principals)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var cookie = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = cookie.Succeeded && !request.HasPromptValue(PromptValues.Login) ? await users.GetUserAsync(cookie.Principal) : null;
        if (user is null || !await signIn.CanSignInAsync(user))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Forbid(Errors.LoginRequired, "The user is not signed in.");
            }
            // Back here after signing in, without prompt=login (or it would ask again, for ever).
            var parameters = (http.Request.HasFormContentType ? http.Request.Form : (IEnumerable<KeyValuePair<string, StringValues>>)http.Request.Query)
                .Where(p => p.Key != Parameters.Prompt)
                .Append(KeyValuePair.Create(Parameters.Prompt, new StringValues(string.Join(' ', request.GetPromptValues().Remove(PromptValues.Login)))));
            return Results.Challenge(new AuthenticationProperties { RedirectUri = http.Request.PathBase + http.Request.Path + QueryString.Create(parameters) },
                [IdentityConstants.ApplicationScheme]);
        }
        return Results.SignIn(await principals.ForUserAsync(user, request.GetScopes()), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> TokenAsync(HttpContext http, UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn, TokenPrincipals principals, TokenRequestLimiter limiter)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsClientCredentialsGrantType())
        {
            return limiter.TryAcquire(TokenRequestLimiter.CallerOf(request.ClientId!, subject: null)) is { } clientWait
                ? TooManyRequests(http, clientWait)
                : Results.SignIn(await principals.ForClientAsync(request.ClientId!, request.GetScopes()), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        // A code or refresh token, already validated by OpenIddict: the person it was issued to must still be allowed in.
        var grant = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var subject = grant.Principal?.GetClaim(Claims.Subject);
        if (limiter.TryAcquire(TokenRequestLimiter.CallerOf(request.ClientId!, subject)) is { } wait)
        {
            return TooManyRequests(http, wait);
        }
        var user = subject is not null ? await users.FindByIdAsync(subject) : null;
        // Throttled sign-ins leave live sessions alone; a new security stamp (password reset, e-mail change) ends them.
        if (user is null || !await signIn.CanSignInAsync(user) || !await principals.IsCurrentAsync(grant.Principal!, user))
        {
            return Forbid(Errors.InvalidGrant, "The session has ended: sign in again.");
        }
        return Results.SignIn(await principals.ForUserAsync(user, grant.Principal!.GetScopes()), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> UserInfoAsync(HttpContext http, UserManager<IdentityUser> users)
    {
        var token = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var user = token.Principal?.GetClaim(Claims.Subject) is { } subject ? await users.FindByIdAsync(subject) : null;
        if (user is null)
        {
            return Results.Challenge(new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidToken,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The token's user no longer exists.",
            }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }
        var principal = token.Principal!;
        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { [Claims.Subject] = user.Id };
        if (principal.HasScope(Scopes.Profile))
        {
            claims[Claims.Name] = user.UserName!;
        }
        if (principal.HasScope(Scopes.Email))
        {
            claims[Claims.Email] = user.Email!;
            claims[Claims.EmailVerified] = user.EmailConfirmed;
        }
        if (principal.HasScope(Scopes.Roles))
        {
            claims[Claims.Role] = await users.GetRolesAsync(user);
        }
        return Results.Ok(claims);
    }

    /// <summary>Signs the person out here, then OpenIddict sends the browser on to the client's registered address.</summary>
    private static async Task<IResult> EndSessionAsync(SignInManager<IdentityUser> signIn)
    {
        await signIn.SignOutAsync();
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    /// <summary>429 with <c>Retry-After</c>, and the OAuth error body a client reads (RFC 6749 section 5.2's shape).</summary>
    private static IResult TooManyRequests(HttpContext http, TimeSpan wait)
    {
        http.Response.Headers.RetryAfter = Math.Max(1, Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Json(new Dictionary<string, string>
        {
            [Parameters.Error] = Errors.TemporarilyUnavailable,
            [Parameters.ErrorDescription] = "Too many token requests for this client and user; retry after the Retry-After delay.",
        }, statusCode: StatusCodes.Status429TooManyRequests);
    }

    private static IResult Forbid(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
