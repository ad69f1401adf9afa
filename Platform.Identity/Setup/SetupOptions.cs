using System.ComponentModel.DataAnnotations;

namespace Platform.Identity.Setup;

/// <summary>What the setup step needs (section <c>Identity:Setup</c>), all from the AppHost's parameters.</summary>
public sealed class SetupOptions
{
    public const string SectionName = "Identity:Setup";

    /// <summary>The first admin (<c>identity-admin-email</c>).</summary>
    [Required, EmailAddress]
    public string AdminEmail { get; set; } = "";

    /// <summary>Their password (<c>identity-admin-password</c>, generated); set again at every setup, so the parameter is the truth.</summary>
    [Required, MinLength(12)]
    public string AdminPassword { get; set; } = "";

    /// <summary>The web front end's client id (<c>identity-web-client-id</c>).</summary>
    [Required]
    public string WebClientId { get; set; } = IdentityClients.Web;

    /// <summary>The web front end's secret (<c>identity-web-secret</c>, generated).</summary>
    [Required, MinLength(16)]
    public string WebClientSecret { get; set; } = "";

    /// <summary>The web front end's addresses: its sign-in and sign-out callbacks are registered under each.</summary>
    [MinLength(1)]
    public Uri[] WebClientUrls { get; set; } = [];

    /// <summary>The machine client's secret (<c>identity-cli-secret</c>, generated).</summary>
    [Required, MinLength(16)]
    public string CliClientSecret { get; set; } = "";
}
