using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Identity.Mail;

namespace Platform.Identity.Account;

/// <summary>The account flows' services: password sign-in with its throttle, and the mails of registration, password
/// reset and e-mail change.</summary>
internal static class AccountServices
{
    /// <summary>The local mail catcher's connection string (<c>Endpoint=smtp://host:port</c>), from the AppHost.</summary>
    public const string MailConnectionName = "mail";

    public static void AddAccountFlows(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SignInThrottleOptions>().BindConfiguration(SignInThrottleOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<MailOptions>().BindConfiguration(MailOptions.SectionName)
            .PostConfigure(mail => mail.Smtp = CatcherAddress(builder.Configuration) ?? mail.Smtp)
            .ValidateDataAnnotations().ValidateOnStart();
        // Links in mails are good for two hours, and once: a used reset link's stamp is gone.
        builder.Services.Configure<DataProtectionTokenProviderOptions>(tokens => tokens.TokenLifespan = TimeSpan.FromHours(2));
        // The identity cookie is checked against the account's security stamp at every use, not every 30 minutes.
        builder.Services.Configure<SecurityStampValidatorOptions>(stamps => stamps.ValidationInterval = TimeSpan.Zero);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<SignInThrottle>();
        builder.Services.AddScoped<PasswordSignIn>();
        builder.Services.AddScoped<AccountMails>();
        builder.Services.AddScoped<MailBudget>();
        builder.Services.AddSingleton<MailSender>();
    }

    private static Uri? CatcherAddress(IConfiguration configuration) =>
        configuration.GetConnectionString(MailConnectionName) is { } connection
            && connection.Split(';').Select(part => part.Split('=', 2)).FirstOrDefault(p => p[0].Trim().Equals("Endpoint", StringComparison.OrdinalIgnoreCase)) is [_, var endpoint]
            ? new Uri(endpoint.Trim())
            : null;
}
