using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Platform.Web.SignIn;

/// <summary>At sign-out, the session's refresh token is revoked at the provider (RFC 7009): a stolen copy of the cookie
/// can then not renew the session, and lapses with its access token.</summary>
internal sealed class SessionRevocation(ProviderBackchannel provider, ILogger<SessionRevocation> logger)
{
    public async Task RevokeAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var session = await http.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (session.Properties?.GetTokenValue("refresh_token") is not { } refreshToken)
        {
            return;
        }
        // Signing out goes on whatever the provider answers: the person asked to leave.
        try
        {
            using var response = await provider.PostToRevocationEndpointAsync(new Dictionary<string, string>
            {
                ["token"] = refreshToken,
                ["token_type_hint"] = "refresh_token",
            }, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("The provider did not revoke a session's refresh token at sign-out: {Status}", (int)response.StatusCode);
            }
        }
        catch (HttpRequestException e)
        {
            logger.LogWarning("The provider could not be reached to revoke a session's refresh token at sign-out: {Reason}", e.Message);
        }
    }
}
