using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Platform.Worker.Telemetry;

/// <summary>
/// The worker's instruments, on the meter and activity source named after the application, which
/// ServiceDefaults already exports.
/// </summary>
public sealed class WorkerMetrics
{
    private readonly Histogram<double> _processingDuration;
    private readonly Histogram<double> _queueWait;
    private readonly Counter<long> _failures;
    private long _waiting;
    private long _pending;
    private long _deadLettered;

    public WorkerMetrics(IMeterFactory meters, IHostEnvironment environment)
    {
        ActivitySource = new ActivitySource(environment.ApplicationName);
        var meter = meters.Create(environment.ApplicationName);
        _processingDuration = meter.CreateHistogram<double>("platform.jobs.processing.duration", "s", "Time a job attempt ran, by type and outcome.");
        _queueWait = meter.CreateHistogram<double>("platform.jobs.queue.wait", "s", "Time from enqueue to the start of an attempt.");
        _failures = meter.CreateCounter<long>("platform.jobs.failures", "{attempt}", "Failed attempts; final=true when the job was dead-lettered.");
        meter.CreateObservableGauge("platform.jobs.queue.depth", () => Waiting, "{job}", "Jobs waiting on the stream, not yet taken by a worker.");
        meter.CreateObservableGauge("platform.jobs.pending", () => Interlocked.Read(ref _pending), "{job}", "Jobs taken by a worker and not yet finished.");
    }

    public ActivitySource ActivitySource { get; }

    public void Processed(string type, string outcome, TimeSpan duration) =>
        _processingDuration.Record(duration.TotalSeconds, new("job.type", type), new("outcome", outcome));

    public void Waited(string type, TimeSpan wait) => _queueWait.Record(Math.Max(0, wait.TotalSeconds), new KeyValuePair<string, object?>("job.type", type));

    public void Failed(string type, bool final)
    {
        _failures.Add(1, new("job.type", type), new("final", final));
        if (final)
        {
            Interlocked.Increment(ref _deadLettered);
        }
    }

    /// <summary>Jobs dead-lettered since the last call: what the cloud's dead-letter alarm sums.</summary>
    public long TakeDeadLettered() => Interlocked.Exchange(ref _deadLettered, 0);

    /// <summary>Jobs waiting on the stream at the last sample.</summary>
    public long Waiting => Interlocked.Read(ref _waiting);

    /// <summary>The last sampled queue depth (sampled, because a gauge callback must not wait on Redis).</summary>
    public void Sampled(long waiting, long pending)
    {
        Interlocked.Exchange(ref _waiting, waiting);
        Interlocked.Exchange(ref _pending, pending);
    }
}
