using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Platform.Api.Contracts.Authorization;
using Platform.Identity.Account;
using Platform.Identity.RateLimiting;

namespace Platform.Identity.Pages.Account;

/// <summary>
/// A person makes an account with the <c>user</c> role. With e-mail confirmation (on outside Development) they are sent a
/// link and sign in once they followed it; without, they are signed in at once. An address that already has an account
/// gets the same page as a new one, and its owner a mail about it: the answer tells nobody which addresses are taken.
/// </summary>
[EnableRateLimiting(SignInRateLimiting.PolicyName)]
public sealed class RegisterModel(UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn, AccountMails mails) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty, Required, EmailAddress, MaxLength(256)]
    public string Email { get; set; } = "";

    [BindProperty, Required, MaxLength(1024)]
    public string Password { get; set; } = "";

    public List<string> Problems { get; } = [];

    public bool AwaitingConfirmation { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = new IdentityUser { UserName = Email, Email = Email };
        if (!ModelState.IsValid)
        {
            Problems.AddRange(ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
        }
        else
        {
            // The password's rules first: they say nothing about the address.
            foreach (var validator in users.PasswordValidators)
            {
                Problems.AddRange((await validator.ValidateAsync(users, user, Password)).Errors.Select(e => e.Description));
            }
        }
        if (Problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (await users.FindByEmailAsync(Email) is not null)
        {
            await mails.SendAlreadyRegisteredAsync(Email, cancellationToken);
            AwaitingConfirmation = true;
            return Page();
        }
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
            await mails.SendConfirmationAsync(user, cancellationToken);
            AwaitingConfirmation = true;
            return Page();
        }
        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
