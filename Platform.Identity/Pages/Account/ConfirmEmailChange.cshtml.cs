using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Platform.Identity.Pages.Account;

/// <summary>The link sent to the new address: the account's e-mail (and its user name, which is the e-mail) change, and
/// so does its security stamp, which ends its sessions.</summary>
public sealed class ConfirmEmailChangeModel(UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Email { get; set; } = "";

    public bool Changed { get; private set; }

    public async Task OnGetAsync(string? userId, string? code)
    {
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        Changed = user is not null && code is not null && (await users.ChangeEmailAsync(user, Email, code)).Succeeded
            && (await users.SetUserNameAsync(user, Email)).Succeeded;
        if (Changed)
        {
            await signIn.SignOutAsync();
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }
}
