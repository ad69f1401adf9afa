using Microsoft.AspNetCore.Identity;
using Platform.Identity.Account;

namespace Platform.Identity.Pages.Account;

public sealed class ResendConfirmationModel(UserManager<IdentityUser> users, AccountMails mails) : EmailFormModel(users)
{
    protected override async Task SendAsync(IdentityUser user, CancellationToken cancellationToken)
    {
        if (!user.EmailConfirmed)
        {
            await mails.SendConfirmationAsync(user, cancellationToken);
        }
    }
}
