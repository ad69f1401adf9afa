using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Identity.Connect;

/// <summary>
/// Who a token speaks for: a person (authorization code, refresh) or a machine client (client credentials). Its claims
/// are read again from the user store at every issue, so that a refresh reflects a changed role or a deleted user. A
/// person's code and refresh tokens (read by this provider alone) also carry the account's security stamp, so that a
/// refresh after a password reset, an e-mail change or a sign-out everywhere is refused (<see cref="IsCurrentAsync"/>).
/// </summary>
internal sealed class TokenPrincipals(UserManager<IdentityUser> users, IOpenIddictScopeManager scopes, IOpenIddictApplicationManager applications)
{
    private string SecurityStampClaim => users.Options.ClaimsIdentity.SecurityStampClaimType;

    /// <summary>Whether the grant (a code or refresh token) was issued under the account's current security stamp.</summary>
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal grant, IdentityUser user) =>
        grant.GetClaim(SecurityStampClaim) is { Length: > 0 } stamp && stamp == await users.GetSecurityStampAsync(user);

    public async Task<ClaimsPrincipal> ForUserAsync(IdentityUser user, ImmutableArray<string> grantedScopes)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, user.Id)
            .SetClaim(Claims.Email, user.Email)
            .SetClaim(Claims.Name, user.UserName)
            .SetClaim(SecurityStampClaim, await users.GetSecurityStampAsync(user))
            .SetClaims(Claims.Role, [.. await users.GetRolesAsync(user)]);
        return await WithScopesAsync(identity, grantedScopes);
    }

    /// <summary>A machine client acts as itself: its subject is its client id, and it has no role.</summary>
    public async Task<ClaimsPrincipal> ForClientAsync(string clientId, ImmutableArray<string> requestedScopes)
    {
        var application = await applications.FindByClientIdAsync(clientId)
            ?? throw new InvalidOperationException($"The client '{clientId}' is not registered.");
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, clientId)
            .SetClaim(Claims.Name, await applications.GetDisplayNameAsync(application) ?? clientId);
        return await WithScopesAsync(identity, requestedScopes);
    }

    private static ClaimsIdentity NewIdentity() => new(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);

    private async Task<ClaimsPrincipal> WithScopesAsync(ClaimsIdentity identity, ImmutableArray<string> grantedScopes)
    {
        identity.SetScopes(grantedScopes);
        var resources = new List<string>();
        await foreach (var resource in scopes.ListResourcesAsync(grantedScopes))
        {
            resources.Add(resource);
        }
        identity.SetResources(resources);
        identity.SetDestinations(claim => DestinationsOf(claim, grantedScopes));
        return new ClaimsPrincipal(identity);
    }

    /// <summary>Every claim goes into the access token; name, e-mail and roles also into the identity token when their
    /// scope was granted, so that web knows who signed in without a userinfo call.</summary>
    private static IEnumerable<string> DestinationsOf(Claim claim, ImmutableArray<string> grantedScopes) => claim.Type switch
    {
        Claims.Name when grantedScopes.Contains(Scopes.Profile) => [Destinations.AccessToken, Destinations.IdentityToken],
        Claims.Email when grantedScopes.Contains(Scopes.Email) => [Destinations.AccessToken, Destinations.IdentityToken],
        Claims.Role when grantedScopes.Contains(Scopes.Roles) => [Destinations.AccessToken, Destinations.IdentityToken],
        // The security stamp stays in what only this provider reads (codes, refresh tokens), never in a client's token.
        "AspNet.Identity.SecurityStamp" => [],
        _ => [Destinations.AccessToken],
    };
}
