using Microsoft.AspNetCore.Identity;

namespace Platform.Identity.Account;

/// <summary>How a password sign-in ended (<see cref="PasswordSignIn"/>). <see cref="Refused"/> is one answer for an
/// unknown e-mail, a wrong password and a locked account alike.</summary>
public sealed record PasswordSignInResult(PasswordSignInOutcome Outcome, IdentityUser? User = null, TimeSpan Wait = default)
{
    public static PasswordSignInResult Refused(IdentityUser? user) => new(PasswordSignInOutcome.Refused, user);
}
