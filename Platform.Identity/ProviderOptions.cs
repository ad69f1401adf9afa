using System.ComponentModel.DataAnnotations;

namespace Platform.Identity;

/// <summary>The provider's settings (section <c>Identity</c>), checked at start.</summary>
public sealed class ProviderOptions : IValidatableObject
{
    public const string SectionName = "Identity";

    /// <summary>The issuer's public address (<c>iss</c>, and the base of the endpoints it advertises). Unset, it is the
    /// address a request came to, which is right locally; behind a load balancer, set the public HTTPS address.</summary>
    public Uri? Issuer { get; set; }

    /// <summary>The secret the signing and encryption keys are derived from (the AppHost's generated
    /// <c>identity-signing-key</c>). Never in the image, the manifest or git.</summary>
    [Required, MinLength(32)]
    public string SigningKey { get; set; } = "";

    /// <summary>Earlier signing secrets, still published in the key set so that tokens they signed stay valid until
    /// they expire (README: "Rotating the keys").</summary>
    public string[] RetiredSigningKeys { get; set; } = [];

    [Range(1, 1440)]
    public int AccessTokenMinutes { get; set; } = 15;

    /// <summary>A person who registers must confirm their e-mail before signing in. Unset: on, except in Development.</summary>
    public bool? RequireConfirmedEmail { get; set; }

    /// <summary>Sign-in, registration, password-reset and confirmation-mail POSTs per client address and minute.</summary>
    [Range(1, 100_000)]
    public int SignInRequestsPerMinute { get; set; } = 60;

    /// <summary>Authorization requests per client address and minute.</summary>
    [Range(1, 100_000)]
    public int AuthorizeRequestsPerMinute { get; set; } = 120;

    /// <summary>Token requests per client and person per minute (code redemptions and refreshes of one person at one client).</summary>
    [Range(1, 100_000)]
    public int TokenRequestsPerMinute { get; set; } = 30;

    /// <summary>Token requests per minute of a client acting for itself (client credentials).</summary>
    [Range(1, 100_000)]
    public int ClientTokenRequestsPerMinute { get; set; } = 600;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Issuer is { IsAbsoluteUri: false })
        {
            yield return new ValidationResult("Identity:Issuer must be an absolute address, such as https://identity.example.com/.", [nameof(Issuer)]);
        }
        if (RetiredSigningKeys.Any(k => k.Length < 32))
        {
            yield return new ValidationResult("Every Identity:RetiredSigningKeys entry must be at least 32 characters.", [nameof(RetiredSigningKeys)]);
        }
    }
}
