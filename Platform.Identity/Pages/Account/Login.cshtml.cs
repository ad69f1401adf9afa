using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Platform.Identity.Account;
using Platform.Identity.RateLimiting;

namespace Platform.Identity.Pages.Account;

/// <summary>Password sign-in (<see cref="PasswordSignIn"/>): one answer for an unknown e-mail, a wrong password and a
/// locked account; a wait, never a lockout, after repeated failures.</summary>
[EnableRateLimiting(SignInRateLimiting.PolicyName)]
public sealed class LoginModel : PageModel
{
    public const string Refused = "The e-mail or the password is wrong.";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string Email { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    public string? Problem { get; private set; }

    public bool NeedsConfirmation { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync([FromServices] PasswordSignIn signIn, CancellationToken cancellationToken)
    {
        var result = await signIn.SignInAsync(Email, Password, HttpContext.Connection.RemoteIpAddress, cancellationToken);
        switch (result.Outcome)
        {
            case PasswordSignInOutcome.SignedIn:
                // Only back into this site (the authorization endpoint): never to an address a link supplied.
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            case PasswordSignInOutcome.Throttled:
                var seconds = Math.Max(1, (int)Math.Ceiling(result.Wait.TotalSeconds));
                Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Problem = $"Too many failed sign-ins with this e-mail address or from your network: try again in {seconds} s.";
                break;
            case PasswordSignInOutcome.NotConfirmed:
                Response.StatusCode = StatusCodes.Status403Forbidden;
                NeedsConfirmation = true;
                Problem = "Confirm your e-mail address before signing in: follow the link in the mail we sent you.";
                break;
            default:
                Response.StatusCode = StatusCodes.Status400BadRequest;
                Problem = Refused;
                break;
        }
        return Page();
    }
}
