using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Platform.Identity.RateLimiting;

namespace Platform.Identity.Pages.Account;

/// <summary>Password sign-in. Failures count towards the account's lockout; the page says which failure it was only
/// where that reveals nothing an attacker could not learn anyway.</summary>
[EnableRateLimiting(SignInRateLimiting.PolicyName)]
public sealed class LoginModel(SignInManager<IdentityUser> signIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string Email { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await signIn.PasswordSignInAsync(Email, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            // Only back into this site (the authorization endpoint): never to an address a link supplied.
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        Problem = result.IsLockedOut ? "This account is locked after too many failed sign-ins. Try again later."
            : result.IsNotAllowed ? "Confirm your e-mail address before signing in."
            : "The e-mail or the password is wrong.";
        Response.StatusCode = result.IsLockedOut ? StatusCodes.Status423Locked : StatusCodes.Status400BadRequest;
        return Page();
    }
}
