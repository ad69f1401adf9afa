using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Platform.Identity.RateLimiting;

namespace Platform.Identity.Pages.Account;

/// <summary>
/// A form that sends a mail to an address's account (<see cref="ResendConfirmationModel"/>,
/// <see cref="ForgotPasswordModel"/>): its answer is the same whether an account has the address or not.
/// </summary>
[EnableRateLimiting(SignInRateLimiting.PolicyName)]
public abstract class EmailFormModel(UserManager<IdentityUser> users) : PageModel
{
    [BindProperty, Required, EmailAddress, MaxLength(256)]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (await users.FindByEmailAsync(Email) is { } user)
        {
            await SendAsync(user, cancellationToken);
        }
        Sent = true;
        return Page();
    }

    /// <summary>The mail to the account, when there is one.</summary>
    protected abstract Task SendAsync(IdentityUser user, CancellationToken cancellationToken);
}
