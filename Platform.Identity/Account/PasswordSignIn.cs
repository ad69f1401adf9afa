using System.Net;
using Microsoft.AspNetCore.Identity;

namespace Platform.Identity.Account;

/// <summary>
/// Signs a person in with their e-mail and password, without telling a stranger anything: an unknown e-mail, a wrong
/// password and a locked account get one answer after the same work (an unknown e-mail's password is checked against a
/// decoy hash, as long as a real one takes); waits come from <see cref="SignInThrottle"/>, never a lockout. Whether the
/// address still needs confirming is said only to whoever gave the right password.
/// </summary>
public sealed class PasswordSignIn(UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn, SignInThrottle throttle)
{
    /// <summary>Longer input is refused unread: no e-mail is longer, and no password needs to be.</summary>
    private const int MaxEmailLength = 256;
    private const int MaxPasswordLength = 1024;

    private static readonly Lazy<string> DecoyHash = new(() =>
        new PasswordHasher<IdentityUser>().HashPassword(new IdentityUser(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))));

    public async Task<PasswordSignInResult> SignInAsync(string email, string password, IPAddress? address, CancellationToken cancellationToken)
    {
        if (email.Length is 0 or > MaxEmailLength || password.Length > MaxPasswordLength)
        {
            return PasswordSignInResult.Refused(null);
        }
        if (await throttle.WaitAsync(email, address, cancellationToken) is var wait && wait > TimeSpan.Zero)
        {
            return new PasswordSignInResult(PasswordSignInOutcome.Throttled, Wait: wait);
        }
        var user = await users.FindByEmailAsync(email);
        if (!await IsRightPasswordAsync(user, password) || await users.IsLockedOutAsync(user!))
        {
            await throttle.RecordFailureAsync(email, address, cancellationToken);
            return PasswordSignInResult.Refused(user);
        }
        await throttle.RecordSuccessAsync(email, cancellationToken);
        if (!await signIn.CanSignInAsync(user!))
        {
            return new PasswordSignInResult(PasswordSignInOutcome.NotConfirmed, user);
        }
        await signIn.SignInAsync(user!, isPersistent: false);
        return new PasswordSignInResult(PasswordSignInOutcome.SignedIn, user);
    }

    private async Task<bool> IsRightPasswordAsync(IdentityUser? user, string password)
    {
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new IdentityUser(), DecoyHash.Value, password);
            return false;
        }
        return await users.CheckPasswordAsync(user, password);
    }
}
