using System.ComponentModel.DataAnnotations;

namespace Platform.Worker.Queue;

/// <summary>The worker's queue settings; their values are in appsettings.json (section <c>Queue</c>), the one place they
/// are written: a missing one fails the start, naming it.</summary>
public sealed class QueueOptions
{
    public const string SectionName = "Queue";

    /// <summary>Jobs this process runs at once.</summary>
    [Range(1, 256)]
    public int Concurrency { get; set; }

    /// <summary>Attempts before a job goes to the dead-letter stream.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; }

    /// <summary>The wait before the first retry; each further retry waits twice as long, up to <see cref="RetryMaxDelayMs"/>.</summary>
    [Range(1, 3_600_000)]
    public int RetryBaseDelayMs { get; set; }

    [Range(1, 86_400_000)]
    public int RetryMaxDelayMs { get; set; }

    /// <summary>A job whose worker has not been heard of for this long is taken over by another worker. Running jobs
    /// renew their claim at a third of it, so only a dead (or frozen) worker's jobs are taken.</summary>
    [Range(1000, 3_600_000)]
    public int ClaimIdleMs { get; set; }

    /// <summary>A job recorded as queued this long ago that no stream entry names is queued again (its api stopped
    /// between recording and queueing it).</summary>
    [Range(1000, 86_400_000)]
    public int LostJobAfterMs { get; set; }

    /// <summary>How often one of the workers looks for such jobs.</summary>
    [Range(100, 3_600_000)]
    public int LostJobSweepMs { get; set; }

    /// <summary>On shutdown, how long running jobs may take to finish before they are handed back to the queue.</summary>
    [Range(0, 600_000)]
    public int ShutdownGraceMs { get; set; }

    public TimeSpan RetryDelay(int attempt)
    {
        var exponential = RetryBaseDelayMs * Math.Pow(2, Math.Max(0, attempt - 1));
        // ±20 % jitter, so that jobs failing together do not retry together.
        return TimeSpan.FromMilliseconds(Math.Min(exponential, RetryMaxDelayMs) * (0.8 + Random.Shared.NextDouble() * 0.4));
    }
}
