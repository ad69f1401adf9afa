using System.ComponentModel.DataAnnotations;

namespace Platform.Identity.Account;

/// <summary>How failed sign-ins slow the next ones (section <c>Identity:SignInThrottle</c>): after the free failures,
/// each failure makes the next attempt wait, twice as long each time up to the longest wait.</summary>
public sealed class SignInThrottleOptions
{
    public const string SectionName = "Identity:SignInThrottle";

    /// <summary>Failures with one e-mail address that cost no wait (a person mistyping).</summary>
    [Range(1, 1000)]
    public int AccountFreeFailures { get; set; } = 5;

    /// <summary>Failures from one client address that cost no wait: higher, since many people may share an address.</summary>
    [Range(1, 100_000)]
    public int AddressFreeFailures { get; set; } = 20;

    [Range(1, 3600)]
    public int FirstWaitSeconds { get; set; } = 1;

    [Range(1, 86_400)]
    public int LongestWaitSeconds { get; set; } = 900;

    /// <summary>A key with no failure for this long starts again from nothing.</summary>
    [Range(1, 720)]
    public int ForgetAfterHours { get; set; } = 24;
}
