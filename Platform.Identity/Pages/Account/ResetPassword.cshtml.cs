using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Platform.Identity.RateLimiting;

namespace Platform.Identity.Pages.Account;

/// <summary>The link of the reset mail: a new password, and a new security stamp with it, which ends every session
/// (refreshes check the stamp).</summary>
[EnableRateLimiting(SignInRateLimiting.PolicyName)]
public sealed class ResetPasswordModel(UserManager<IdentityUser> users) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string UserId { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    public List<string> Problems { get; } = [];

    public bool Done { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.FindByIdAsync(UserId);
        var reset = user is null ? IdentityResult.Failed(users.ErrorDescriber.InvalidToken()) : await users.ResetPasswordAsync(user, Code, Password);
        if (!reset.Succeeded)
        {
            Problems.AddRange(reset.Errors.Select(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)
                ? "This link is not valid any more: ask for a new one at /account/forgot-password." : e.Description));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        // Following the link proves the address is theirs.
        if (!user!.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }
        Done = true;
        return Page();
    }
}
