using OpenIddict.Abstractions;
using Platform.Api.Contracts.Authorization;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Identity.Setup;

/// <summary>The clients of this provider, as registered by the setup step.</summary>
public static class IdentityClients
{
    /// <summary>The web front end's default client id: authorization code with PKCE, refresh tokens, confidential (it has a secret).</summary>
    public const string Web = "platform-web";

    /// <summary>Scripts and CI: client credentials.</summary>
    public const string Cli = "platform-cli";

    public const string WebSignInPath = "/signin-oidc";
    public const string WebSignOutPath = "/signout-callback-oidc";

    public static OpenIddictApplicationDescriptor WebDescriptor(SetupOptions setup)
    {
        var web = new OpenIddictApplicationDescriptor
        {
            ClientId = setup.WebClientId,
            ClientSecret = setup.WebClientSecret,
            ClientType = ClientTypes.Confidential,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "Platform web",
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.EndSession,
                Permissions.Endpoints.Revocation,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile,
                Permissions.Scopes.Email,
                Permissions.Scopes.Roles,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var url in setup.WebClientUrls)
        {
            web.RedirectUris.Add(new Uri(url, WebSignInPath));
            web.PostLogoutRedirectUris.Add(new Uri(url, WebSignOutPath));
        }
        AddApiScopes(web);
        return web;
    }

    public static OpenIddictApplicationDescriptor CliDescriptor(SetupOptions setup)
    {
        var cli = new OpenIddictApplicationDescriptor
        {
            ClientId = Cli,
            ClientSecret = setup.CliClientSecret,
            ClientType = ClientTypes.Confidential,
            DisplayName = "Platform command line",
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };
        AddApiScopes(cli);
        return cli;
    }

    private static void AddApiScopes(OpenIddictApplicationDescriptor client)
    {
        foreach (var scope in ApiScopes.All)
        {
            client.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }
    }
}
