namespace Platform.Identity.Data;

/// <summary>Failed sign-ins counted against one key: an account's e-mail, or a client address
/// (<see cref="Account.SignInThrottle"/>).</summary>
public sealed class SignInFailures
{
    /// <summary><c>account:{normalized e-mail}</c> or <c>address:{address}</c>.</summary>
    public string Key { get; set; } = "";

    public int Count { get; set; }

    public DateTimeOffset LastFailureAt { get; set; }
}
