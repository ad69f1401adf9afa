using System.Diagnostics;
using Amazon.S3;
using Microsoft.Extensions.Options;
using Platform.AWSSDK.S3;
using Platform.Jobs;
using Platform.Jobs.Lifecycle;
using Platform.Jobs.Queue;
using Platform.Worker.Processing;
using Platform.Worker.Queue;
using Platform.Worker.Telemetry;
using StackExchange.Redis;

namespace Platform.Worker.Jobs;

/// <summary>
/// Runs one stream entry to its end: done (acknowledged), failed (retry later, or dead-letter after the last
/// attempt), or handed back when the worker stops. The database records the outcome before Redis forgets the
/// entry, so a crash in between only means the entry is delivered again, and the database then says it is done.
/// </summary>
public sealed class JobRunner(
    JobTransitions transitions,
    JobStream stream,
    IEnumerable<IJobHandler> handlers,
    IAmazonS3 s3,
    S3Connection storage,
    WorkerMetrics metrics,
    IOptions<QueueOptions> options,
    ILogger<JobRunner> logger)
{
    private readonly Dictionary<string, IJobHandler> _handlers = handlers.ToDictionary(h => h.JobType);
    private readonly QueueOptions _options = options.Value;

    /// <param name="abort">Cancelled when the worker stops and the grace period is over: the job is handed back.</param>
    public async Task RunAsync(StreamEntry entry, CancellationToken abort)
    {
        var job = JobEntry.TryParse(entry.Values);
        if (job is null || !_handlers.TryGetValue(job.Type, out var handler))
        {
            // Retrying cannot fix an entry that names no job or an unknown type.
            logger.LogError("Dead-lettering stream entry {EntryId}: it is not a job this worker knows", entry.Id);
            await stream.DeadLetterAsync(entry, attempts: 0, "Not a job entry, or an unknown job type.");
            metrics.Failed(job?.Type ?? "unknown", final: true);
            return;
        }

        using var activity = metrics.ActivitySource.StartActivity($"{job.Type} process", ActivityKind.Consumer, job.ParentContext ?? default);
        activity?.SetTag("messaging.system", "redis");
        activity?.SetTag("messaging.destination.name", JobStreams.Ready);
        activity?.SetTag("messaging.message.id", entry.Id.ToString());
        activity?.SetTag("job.id", job.JobId);
        var traceId = activity?.TraceId.ToString();

        var started = await transitions.TryStartAsync(job.JobId, JobStream.Consumer, traceId);
        if (started is null)
        {
            // Already done or dead-lettered (a repeated delivery), or deleted with its asset.
            await stream.AckAsync(entry.Id);
            return;
        }
        metrics.Waited(job.Type, DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeMilliseconds(job.EnqueuedAtMs));
        activity?.SetTag("job.attempt", started.Attempt);
        if (started.Attempt > _options.MaxAttempts)
        {
            // Its earlier attempts never reported back: it keeps killing or freezing workers. Stop here.
            await FailAsync(entry, started, $"Gave up after {_options.MaxAttempts} attempts that did not finish.", traceId);
            return;
        }

        var clock = Stopwatch.StartNew();
        try
        {
            var outcome = await handler.HandleAsync(started, abort);
            if (await transitions.CompleteAsync(started, outcome, JobStream.Consumer, traceId))
            {
                await stream.AckAsync(entry.Id);
            }
            else if (!await transitions.AssetExistsAsync(started.AssetId))
            {
                // Deleted while it was processed: remove what this run wrote.
                await s3.DeleteObjectAsync(storage.BucketName, AssetKeys.ReportObject(started.AssetId));
                await stream.AckAsync(entry.Id);
            }
            // Otherwise another worker took the job over and owns the entry now: leave both alone.
            metrics.Processed(job.Type, "done", clock.Elapsed);
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            if (await transitions.HandBackAsync(started, JobStream.Consumer))
            {
                await stream.HandBackAsync(entry);
            }
            metrics.Processed(job.Type, "handed-back", clock.Elapsed);
        }
        catch (RejectedObjectException e)
        {
            logger.LogWarning("Job {JobId} ({JobType}) rejected its asset's object: {Reason}", job.JobId, job.Type, e.Message);
            metrics.Processed(job.Type, "failed", clock.Elapsed);
            await FailAsync(entry, started, e.Message, traceId, final: true);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Job {JobId} ({JobType}) failed on attempt {Attempt}", job.JobId, job.Type, started.Attempt);
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            metrics.Processed(job.Type, "failed", clock.Elapsed);
            await FailAsync(entry, started, $"{e.GetType().Name}: {e.Message}", traceId);
        }
    }

    private async Task FailAsync(StreamEntry entry, StartedJob job, string error, string? traceId, bool final = false)
    {
        final |= job.Attempt >= _options.MaxAttempts;
        metrics.Failed(job.Type, final);
        if (!await transitions.FailAsync(job, error, final, JobStream.Consumer, traceId))
        {
            return;
        }
        if (final)
        {
            logger.LogError("Job {JobId} ({JobType}) dead-lettered after {Attempts} attempts: {Error}", job.JobId, job.Type, job.Attempt, error);
            await stream.DeadLetterAsync(entry, job.Attempt, error);
        }
        else
        {
            await stream.ScheduleRetryAsync(entry, _options.RetryDelay(job.Attempt));
        }
    }
}
