using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Platform.Identity.Pages.Account;

/// <summary>The link of the confirmation mail: the address is confirmed if the token is the account's and still valid.</summary>
public sealed class ConfirmEmailModel(UserManager<IdentityUser> users) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? userId, string? code)
    {
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        Confirmed = user is not null && code is not null && (await users.ConfirmEmailAsync(user, code)).Succeeded;
        if (!Confirmed)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }
}
