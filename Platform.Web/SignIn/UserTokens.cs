using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Platform.Web.SignIn;

/// <summary>
/// The signed-in person's access token for the api, refreshed with their refresh token when it has expired or is about
/// to (the cookie then carries the new tokens). A session whose refresh is refused (its token revoked at sign-out, or
/// the account's password reset) has to sign in again: <see cref="SignInRequiredException"/>.
/// </summary>
internal sealed class UserTokens(ProviderBackchannel provider, TimeProvider time)
{
    /// <summary>Refreshed this long before it expires, so that a request does not reach the api with a token about to lapse.</summary>
    private static readonly TimeSpan RefreshBefore = TimeSpan.FromSeconds(30);
    private static readonly object FreshToken = new();

    public async Task<string> GetAccessTokenAsync(HttpContext http, CancellationToken cancellationToken)
    {
        // One refresh per request, however many api calls it makes.
        if (http.Items[FreshToken] is string fresh)
        {
            return fresh;
        }
        var session = await http.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        var properties = session.Properties;
        if (!session.Succeeded || properties?.GetTokenValue("access_token") is not { } accessToken)
        {
            throw new SignInRequiredException();
        }
        if (DateTimeOffset.TryParse(properties.GetTokenValue("expires_at"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var expiresAt)
            && expiresAt - time.GetUtcNow() > RefreshBefore)
        {
            return accessToken;
        }
        var refreshed = await RefreshAsync(properties.GetTokenValue("refresh_token") ?? throw new SignInRequiredException(), cancellationToken);
        properties.UpdateTokenValue("access_token", refreshed.AccessToken);
        properties.UpdateTokenValue("refresh_token", refreshed.RefreshToken);
        properties.UpdateTokenValue("expires_at", (time.GetUtcNow() + refreshed.ExpiresIn).ToString("o", CultureInfo.InvariantCulture));
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, session.Principal!, properties);
        http.Items[FreshToken] = refreshed.AccessToken;
        return refreshed.AccessToken;
    }

    private async Task<(string AccessToken, string RefreshToken, TimeSpan ExpiresIn)> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        using var response = await provider.PostToTokenEndpointAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
        }, cancellationToken);
        if (response.StatusCode == System.Net.HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500)
        {
            // The provider is busy or down, not refusing the session: a 503 with Retry-After, not a new sign-in.
            throw new HttpRequestException("The identity provider is unavailable.", null, System.Net.HttpStatusCode.ServiceUnavailable);
        }
        if (!response.IsSuccessStatusCode)
        {
            throw new SignInRequiredException();
        }
        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        var tokens = body.RootElement;
        return (tokens.GetProperty("access_token").GetString()!,
            tokens.TryGetProperty("refresh_token", out var rotated) ? rotated.GetString()! : refreshToken,
            TimeSpan.FromSeconds(tokens.GetProperty("expires_in").GetInt32()));
    }
}
