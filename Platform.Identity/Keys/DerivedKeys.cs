using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace Platform.Identity.Keys;

/// <summary>
/// The provider's keys, derived from a secret (HKDF-SHA256): an ES256 signing key, whose public half is published in
/// the key set (JWKS), and a 256-bit key that encrypts what only the provider reads (authorization codes, refresh
/// tokens). The same secret gives the same keys on every replica and after every restart, and the secret is kept like
/// the other generated secrets: locally in the data folder (owner-only), in the cloud in Secrets Manager.
/// </summary>
public static class DerivedKeys
{
    private static readonly byte[] Salt = "platform-identity"u8.ToArray();

    /// <summary>The current key signs and encrypts; retired ones are still published, so that what they signed stays valid.</summary>
    public static void AddTo(OpenIddictServerOptions server, ProviderOptions provider)
    {
        foreach (var secret in provider.RetiredSigningKeys.Prepend(provider.SigningKey))
        {
            server.SigningCredentials.Add(new SigningCredentials(Signing(secret), SecurityAlgorithms.EcdsaSha256));
        }
        server.EncryptionCredentials.Add(new EncryptingCredentials(Encryption(provider.SigningKey), SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512));
    }

    public static ECDsaSecurityKey Signing(string secret)
    {
        // A P-256 private key is a number below the curve's order; the rare derived value above it is derived again.
        for (var counter = 0; ; counter++)
        {
            var d = Derive(secret, $"signing:{counter}");
            try
            {
                var ecdsa = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = d });
                var publicKey = ecdsa.ExportParameters(includePrivateParameters: false).Q;
                return new ECDsaSecurityKey(ecdsa)
                {
                    // Named after the public key: the same key has the same id everywhere, a rotated one a new id.
                    KeyId = Base64UrlEncoder.Encode(SHA256.HashData([.. publicKey.X!, .. publicKey.Y!]))[..16],
                };
            }
            catch (CryptographicException) when (counter < 8)
            {
            }
        }
    }

    public static SymmetricSecurityKey Encryption(string secret) => new(Derive(secret, "encryption"));

    private static byte[] Derive(string secret, string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 32, Salt, Encoding.UTF8.GetBytes(purpose));
}
