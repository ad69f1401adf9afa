using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Platform.Api.Contracts.Authorization;
using Platform.Identity.RateLimiting;

namespace Platform.Identity.Pages.Account;

/// <summary>A person makes an account with the <c>user</c> role. With <c>Identity:RequireConfirmedEmail</c> they
/// must confirm their address before they can sign in; otherwise they are signed in at once.</summary>
[EnableRateLimiting(SignInRateLimiting.PolicyName)]
public sealed class RegisterModel(UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string Email { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    public List<string> Problems { get; } = [];

    public bool AwaitingConfirmation { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = new IdentityUser { UserName = Email, Email = Email };
        var created = await users.CreateAsync(user, Password);
        if (created.Succeeded)
        {
            created = await users.AddToRoleAsync(user, Roles.User);
        }
        if (!created.Succeeded)
        {
            Problems.AddRange(created.Errors.Select(e => e.Description));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (signIn.Options.SignIn.RequireConfirmedEmail)
        {
            AwaitingConfirmation = true;
            return Page();
        }
        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
