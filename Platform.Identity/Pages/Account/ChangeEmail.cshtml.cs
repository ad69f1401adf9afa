using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Platform.Identity.Account;
using Platform.Identity.RateLimiting;

namespace Platform.Identity.Pages.Account;

/// <summary>A signed-in person asks for another address, with their password: the link goes to the new address, and the
/// answer is the same whether another account has that address or not (that account's owner is told instead).</summary>
[Authorize]
[EnableRateLimiting(SignInRateLimiting.PolicyName)]
public sealed class ChangeEmailModel(UserManager<IdentityUser> users, AccountMails mails) : PageModel
{
    [BindProperty, Required, EmailAddress, MaxLength(256)]
    public string NewEmail { get; set; } = "";

    [BindProperty, Required]
    public string Password { get; set; } = "";

    public string? Problem { get; private set; }

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (!ModelState.IsValid || !await users.CheckPasswordAsync(user, Password))
        {
            Problem = ModelState.IsValid ? "The password is wrong." : "Give a valid e-mail address and your password.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (await users.FindByEmailAsync(NewEmail) is null)
        {
            await mails.SendEmailChangeAsync(user, NewEmail, cancellationToken);
        }
        else
        {
            await mails.SendAlreadyRegisteredAsync(NewEmail, cancellationToken);
        }
        Sent = true;
        return Page();
    }
}
