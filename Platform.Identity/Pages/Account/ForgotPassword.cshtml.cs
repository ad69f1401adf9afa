using Microsoft.AspNetCore.Identity;
using Platform.Identity.Account;

namespace Platform.Identity.Pages.Account;

public sealed class ForgotPasswordModel(UserManager<IdentityUser> users, AccountMails mails) : EmailFormModel(users)
{
    protected override Task SendAsync(IdentityUser user, CancellationToken cancellationToken) => mails.SendPasswordResetAsync(user, cancellationToken);
}
