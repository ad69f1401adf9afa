using System.ComponentModel.DataAnnotations;

namespace Platform.Identity.Mail;

/// <summary>
/// Where account mail goes out (section <c>Mail</c>), checked at start. Locally the graph's mail catcher, whose address
/// comes as the connection string <c>mail</c>; in the cloud Amazon SES's SMTP interface
/// (<c>smtp://email-smtp.&lt;region&gt;.amazonaws.com:587</c>, with its SMTP credentials and a configuration set).
/// </summary>
public sealed class MailOptions : IValidatableObject
{
    public const string SectionName = "Mail";

    /// <summary>The From address: in SES, a verified identity.</summary>
    [Required, EmailAddress]
    public string Sender { get; set; } = "";

    public string SenderName { get; set; } = "Platform";

    /// <summary><c>smtp://host:port</c> (STARTTLS required except on loopback) or <c>smtps://host:port</c>.</summary>
    [Required]
    public Uri? Smtp { get; set; }

    public string? UserName { get; set; }

    /// <summary>A secret (SES SMTP credentials: Secrets Manager), never in a manifest or a log.</summary>
    public string? Password { get; set; }

    /// <summary>The SES configuration set each message names (its event destinations: bounces, complaints).</summary>
    public string? ConfigurationSet { get; set; }

    /// <summary>Account mails one address may receive per hour, whoever asks (<see cref="Account.MailBudget"/>).</summary>
    [Range(1, 1000)]
    public int MailsPerAddressPerHour { get; set; } = 5;

    public bool IsLoopback => Smtp is { IsLoopback: true };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Smtp is { } smtp && (!smtp.IsAbsoluteUri || smtp.Scheme is not ("smtp" or "smtps") || smtp.Port <= 0))
        {
            yield return new ValidationResult("Mail:Smtp must be smtp://host:port or smtps://host:port.", [nameof(Smtp)]);
        }
        if (UserName is not null && Password is null)
        {
            yield return new ValidationResult("Mail:Password is required with Mail:UserName.", [nameof(Password)]);
        }
    }
}
