using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Platform.Identity.Mail;

namespace Platform.Identity.Account;

/// <summary>
/// The mails of the account flows, each with a link that carries a single-use token (ASP.NET Core Identity's, bound to
/// the account's security stamp). Links are built on the configured issuer, never on the request's Host header, so that
/// a forged Host cannot send a person's token to another site. An address past its budget of mails
/// (<see cref="MailBudget"/>) is sent nothing more for a while, and the page answers the same.
/// </summary>
public sealed class AccountMails(MailSender mail, MailBudget budget, UserManager<IdentityUser> users, IOptions<ProviderOptions> provider,
    ILogger<AccountMails> logger)
{
    public async Task SendConfirmationAsync(IdentityUser user, CancellationToken cancellationToken)
    {
        var code = await users.GenerateEmailConfirmationTokenAsync(user);
        await SendAsync(user.Email!, "Confirm your e-mail address", $"""
            Welcome to Platform. Confirm your e-mail address by opening this link:

            {Link("/account/confirm-email", ("userId", user.Id), ("code", code))}

            If you did not register, ignore this mail: nothing happens without the link.
            """, cancellationToken);
    }

    /// <summary>To an address someone tried to register again: its owner learns of it, the person registering learns nothing.</summary>
    public Task SendAlreadyRegisteredAsync(string email, CancellationToken cancellationToken) => SendAsync(email, "You already have an account", $"""
        Someone, maybe you, tried to register at Platform with this e-mail address, which already has an account.
        Sign in at {Link("/account/login")}, or choose a new password at {Link("/account/forgot-password")}.
        """, cancellationToken);

    public async Task SendPasswordResetAsync(IdentityUser user, CancellationToken cancellationToken)
    {
        var code = await users.GeneratePasswordResetTokenAsync(user);
        await SendAsync(user.Email!, "Choose a new password", $"""
            Choose a new password for Platform by opening this link:

            {Link("/account/reset-password", ("userId", user.Id), ("code", code))}

            If you did not ask for it, ignore this mail: your password stays as it is.
            """, cancellationToken);
    }

    /// <summary>The link goes to the new address (proving it is theirs); the current one is told of the change.</summary>
    public async Task SendEmailChangeAsync(IdentityUser user, string newEmail, CancellationToken cancellationToken)
    {
        var code = await users.GenerateChangeEmailTokenAsync(user, newEmail);
        await SendAsync(newEmail, "Confirm your new e-mail address", $"""
            Confirm that Platform should use this address for your account by opening this link:

            {Link("/account/confirm-email-change", ("userId", user.Id), ("email", newEmail), ("code", code))}
            """, cancellationToken);
        await SendAsync(user.Email!, "Your e-mail address is about to change", $"""
            Someone signed in to your Platform account asked to use another e-mail address for it. If it was not you,
            choose a new password at {Link("/account/forgot-password")}: that also ends every session of the account.
            """, cancellationToken);
    }

    private async Task SendAsync(string to, string subject, string text, CancellationToken cancellationToken)
    {
        if (!await budget.TrySpendAsync(to, cancellationToken))
        {
            logger.LogWarning("Not sent: the mail '{Subject}' would pass its address's budget of account mails", subject);
            return;
        }
        await mail.SendAsync(to, subject, text, cancellationToken);
    }

    private string Link(string path, params (string Name, string Value)[] query)
    {
        var issuer = provider.Value.Issuer
            ?? throw new InvalidOperationException("Identity:Issuer is not set: account mails link to the provider's public address, never to a request's Host.");
        return new Uri(issuer, path).ToString().TrimEnd('/') + QueryString.Create(query.Select(p => KeyValuePair.Create(p.Name, (string?)p.Value)));
    }
}
