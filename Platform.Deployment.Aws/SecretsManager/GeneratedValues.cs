using Amazon.CDK.AWS.SecretsManager;
using Platform.Manifest;

namespace Platform.Deployment.Aws.SecretsManager;

/// <summary>
/// Aspire's <c>default.generate</c> as Secrets Manager's GenerateSecretString. Special characters, when allowed,
/// are only those that need no escaping in a URI, a connection string or RDS (<c>- _ . ~</c>), so a generated value
/// works wherever the manifest puts it, URI-encoded or not; ElastiCache auth tokens allow only <c>-</c> of those.
/// </summary>
internal static class GeneratedValues
{
    private const string Punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    public static SecretStringGenerator Options(ManifestGenerate generate, bool authToken)
    {
        var allowedSpecial = authToken ? "-" : "-_.~";
        var minimum = generate.MinLower + generate.MinUpper + generate.MinNumeric + generate.MinSpecial;
        return new SecretStringGenerator
        {
            // Aspire's minimum length is the generated length; 22 is Aspire's default when the manifest gives none.
            PasswordLength = Math.Max(generate.MinLength > 0 ? generate.MinLength : 22, Math.Max(minimum, authToken ? 16 : 8)),
            ExcludeLowercase = !generate.Lower,
            ExcludeUppercase = !generate.Upper,
            ExcludeNumbers = !generate.Numeric,
            ExcludePunctuation = !generate.Special,
            ExcludeCharacters = generate.Special ? string.Concat(Punctuation.Where(c => !allowedSpecial.Contains(c))) : null,
            IncludeSpace = false,
            // Secrets Manager can require one of each included kind, not a count: minimums are met as at least one.
            RequireEachIncludedType = minimum > 0,
        };
    }
}
