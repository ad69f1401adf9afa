namespace Platform.Identity.Account;

public enum PasswordSignInOutcome
{
    SignedIn,
    /// <summary>Unknown e-mail, wrong password or locked account: the same answer for each.</summary>
    Refused,
    /// <summary>Too many failures with this e-mail or from this address: not tried at all until the wait is over.</summary>
    Throttled,
    /// <summary>The right password, but the address is not confirmed yet (only the password's holder learns this).</summary>
    NotConfirmed,
}
