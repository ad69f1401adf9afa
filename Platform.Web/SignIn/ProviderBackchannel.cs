using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace Platform.Web.SignIn;

/// <summary>web's calls to the provider as its client (its id and secret in the form), at the endpoints the provider's
/// metadata names: the token endpoint (refresh) and the revocation endpoint (sign-out).</summary>
internal sealed class ProviderBackchannel(IOptionsMonitor<OpenIdConnectOptions> oidcOptions)
{
    public Task<HttpResponseMessage> PostToTokenEndpointAsync(Dictionary<string, string> form, CancellationToken cancellationToken) =>
        PostAsync(configuration => configuration.TokenEndpoint, form, cancellationToken);

    /// <summary>RFC 7009; the provider's metadata names the endpoint (<c>revocation_endpoint</c>).</summary>
    public Task<HttpResponseMessage> PostToRevocationEndpointAsync(Dictionary<string, string> form, CancellationToken cancellationToken) =>
        PostAsync(configuration => configuration.RevocationEndpoint, form, cancellationToken);

    private async Task<HttpResponseMessage> PostAsync(Func<Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectConfiguration, string?> endpoint,
        Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        var oidc = oidcOptions.Get(OpenIdConnectDefaults.AuthenticationScheme);
        var configuration = await oidc.ConfigurationManager!.GetConfigurationAsync(cancellationToken);
        var address = endpoint(configuration) ?? throw new InvalidOperationException("The provider's metadata does not name that endpoint.");
        form["client_id"] = oidc.ClientId!;
        form["client_secret"] = oidc.ClientSecret!;
        return await oidc.Backchannel.PostAsync(address, new FormUrlEncodedContent(form), cancellationToken);
    }
}
