using Platform.Tests.Infrastructure;

namespace Platform.Tests.Jobs;

/// <summary>How long a failed job waits before its next attempt, with the worker's own settings.</summary>
[Trait("Tier", "Fast")]
public sealed class RetryScheduleTests
{
    private static readonly Platform.Worker.Queue.QueueOptions Queue = ServiceSettings.WorkerQueue;

    [Fact]
    public void Each_retry_waits_twice_as_long_as_the_one_before_within_a_fifth_either_way_up_to_the_cap()
    {
        for (var attempt = 1; attempt <= 20; attempt++)
        {
            var exponential = Math.Min(Queue.RetryBaseDelayMs * Math.Pow(2, attempt - 1), Queue.RetryMaxDelayMs);
            for (var sample = 0; sample < 200; sample++)
            {
                Assert.InRange(Queue.RetryDelay(attempt).TotalMilliseconds, 0.8 * exponential, 1.2 * exponential);
            }
        }
    }

    [Fact]
    public void Jobs_failing_together_do_not_retry_together()
    {
        var delays = Enumerable.Range(0, 100).Select(_ => Queue.RetryDelay(3)).Distinct().Count();
        Assert.True(delays > 90, $"only {delays} distinct delays in 100");
    }
}
