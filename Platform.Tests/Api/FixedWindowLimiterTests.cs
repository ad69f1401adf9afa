using System.Threading.RateLimiting;
using Platform.Api.RateLimiting;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Api;

/// <summary>The api's limit on changes per client, on a clock the test moves.</summary>
[Trait("Tier", "Fast")]
public sealed class FixedWindowLimiterTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    [Fact]
    public void Past_the_limit_a_request_is_refused_and_told_when_the_window_ends()
    {
        var clock = new TestClock();
        using var limiter = new FixedWindowLimiter(permitLimit: 3, Window, clock);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(limiter.AttemptAcquire().IsAcquired);
        }
        clock.Advance(TimeSpan.FromSeconds(4));

        using var refused = limiter.AttemptAcquire();

        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(6), retryAfter);
    }

    [Fact]
    public void The_next_window_grants_the_full_limit_again_and_windows_stay_aligned()
    {
        var clock = new TestClock();
        using var limiter = new FixedWindowLimiter(permitLimit: 2, Window, clock);
        Assert.True(limiter.AttemptAcquire(2).IsAcquired);
        Assert.False(limiter.AttemptAcquire().IsAcquired);

        clock.Advance(TimeSpan.FromSeconds(25));

        Assert.True(limiter.AttemptAcquire(2).IsAcquired);
        using var refused = limiter.AttemptAcquire();
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        // Windows start at 0, 10, 20, 30 s: the one begun at 20 s ends in 5 s.
        Assert.Equal(TimeSpan.FromSeconds(5), retryAfter);
    }

    [Fact]
    public void An_unused_limiter_reports_itself_idle_so_that_its_partition_can_be_dropped()
    {
        var clock = new TestClock();
        using var limiter = new FixedWindowLimiter(permitLimit: 1, Window, clock);
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        Assert.Null(limiter.IdleDuration);

        clock.Advance(TimeSpan.FromSeconds(13));

        Assert.Equal(TimeSpan.FromSeconds(3), limiter.IdleDuration);
    }
}
