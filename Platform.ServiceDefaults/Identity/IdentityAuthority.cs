using Microsoft.Extensions.Configuration;

namespace Platform.ServiceDefaults.Identity;

/// <summary>
/// Where the identity provider is: <c>Identity:Authority</c> when set (an existing provider), else the <c>identity</c>
/// resource as service discovery names it. <c>Identity:Issuer</c> is the issuer tokens carry when it differs from that
/// address (in the cloud: the provider's public HTTPS address, while a service reaches it on the private network).
/// The api validates tokens against it, web signs people in with it.
/// </summary>
public sealed record IdentityAuthority(string Url, string? Issuer)
{
    public bool IsHttps => Url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    public static IdentityAuthority From(IConfiguration configuration)
    {
        var url = configuration["Identity:Authority"]
            ?? configuration["services:identity:https:0"]
            ?? configuration["services:identity:http:0"]
            ?? throw new InvalidOperationException(
                "No identity provider: reference the 'identity' resource from the AppHost (services:identity:http:0), or set Identity:Authority to an OpenID Connect issuer.");
        return new IdentityAuthority(url, configuration["Identity:Issuer"]);
    }
}
