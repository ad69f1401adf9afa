using System.Net;
using Platform.Identity.Account;
using Platform.Identity.RateLimiting;

namespace Platform.Tests.Identity;

/// <summary>How long failed sign-ins make the next one wait, and whom a per-address count counts.</summary>
[Trait("Tier", "Fast")]
public sealed class SignInThrottleTests
{
    private static readonly SignInThrottleOptions Options = new();

    [Fact]
    public void The_free_failures_cost_nothing_then_each_one_doubles_the_wait_up_to_the_longest()
    {
        var free = Options.AccountFreeFailures;
        Assert.Equal(TimeSpan.Zero, SignInThrottle.WaitAfter(free, free, Options));
        Assert.Equal(TimeSpan.FromSeconds(Options.FirstWaitSeconds), SignInThrottle.WaitAfter(free + 1, free, Options));
        Assert.Equal(TimeSpan.FromSeconds(Options.FirstWaitSeconds * 2), SignInThrottle.WaitAfter(free + 2, free, Options));
        Assert.Equal(TimeSpan.FromSeconds(Options.FirstWaitSeconds * 8), SignInThrottle.WaitAfter(free + 4, free, Options));
        Assert.Equal(TimeSpan.FromSeconds(Options.LongestWaitSeconds), SignInThrottle.WaitAfter(free + 1_000_000, free, Options));
    }

    [Fact]
    public void An_IPv6_caller_counts_as_its_64_and_an_IPv4_mapped_one_as_its_IPv4_address()
    {
        Assert.Equal(ClientAddress.KeyOf(IPAddress.Parse("2001:db8:1:2:aaaa::1")), ClientAddress.KeyOf(IPAddress.Parse("2001:db8:1:2:bbbb::9")));
        Assert.NotEqual(ClientAddress.KeyOf(IPAddress.Parse("2001:db8:1:2::1")), ClientAddress.KeyOf(IPAddress.Parse("2001:db8:1:3::1")));
        Assert.Equal("192.0.2.7", ClientAddress.KeyOf(IPAddress.Parse("::ffff:192.0.2.7")));
        Assert.Equal("unknown", ClientAddress.KeyOf(null));
    }
}
