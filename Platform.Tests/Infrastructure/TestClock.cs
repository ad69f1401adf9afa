using Microsoft.Extensions.Time.Testing;

namespace Platform.Tests.Infrastructure;

/// <summary>
/// A clock the test moves by hand, which also tells when something has started to wait on it: a test moves time only
/// once the wait it means to end is in place, so nothing depends on how fast the machine is.
/// </summary>
internal sealed class TestClock : FakeTimeProvider
{
    private readonly List<TimeSpan> _waits = [];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (_waits)
        {
            _waits.Add(dueTime);
        }
        return base.CreateTimer(callback, state, dueTime, period);
    }

    /// <summary>Waits until <paramref name="count"/> waits of <paramref name="delay"/> have been started on this clock.</summary>
    public Task WaitsStartedAsync(TimeSpan delay, int count = 1) => Eventually.TrueAsync(() =>
    {
        lock (_waits)
        {
            return _waits.Count(w => w == delay) >= count;
        }
    }, TimeSpan.FromSeconds(30), $"{count} wait(s) of {delay.TotalSeconds} s on the clock");
}
