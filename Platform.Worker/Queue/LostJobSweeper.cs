using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Jobs.Lifecycle;
using Platform.Jobs.Queue;
using StackExchange.Redis;

namespace Platform.Worker.Queue;

/// <summary>
/// The api records a job in PostgreSQL, then queues it on the stream. If it stops in between, the job is queued in
/// the database only, and nothing would ever run it. Every <see cref="QueueOptions.LostJobSweepMs"/> one worker (the
/// one that takes the turn in Redis) looks for jobs queued longer than <see cref="QueueOptions.LostJobAfterMs"/> that
/// no entry on the stream names, and queues them again.
/// </summary>
public sealed class LostJobSweeper(JobRecords records, JobStream stream, IOptions<QueueOptions> options, ILogger<LostJobSweeper> logger)
    : BackgroundService
{
    private const int MaxPerSweep = 1000;
    private readonly QueueOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(_options.LostJobSweepMs));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (await stream.TakeSweepTurnAsync(TimeSpan.FromMilliseconds(_options.LostJobSweepMs)))
                {
                    await SweepAsync(stoppingToken);
                }
            }
            catch (Exception e) when (e is RedisException or NpgsqlException)
            {
                logger.LogWarning(e, "Could not look for lost jobs; trying again in {SweepMs} ms", _options.LostJobSweepMs);
            }
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        var candidates = await records.QueuedBeforeAsync(TimeSpan.FromMilliseconds(_options.LostJobAfterMs), MaxPerSweep, cancellationToken);
        if (candidates.Count == 0)
        {
            return;
        }
        // Old but still waiting behind a long backlog is not lost: only jobs that no entry names are queued again.
        var onStream = await stream.QueuedJobIdsAsync();
        var lost = candidates.Where(job => !onStream.Contains(job.Id)).ToList();
        if (lost.Count > 0)
        {
            await stream.RequeueAsync(lost);
            logger.LogWarning("Queued {Count} jobs again that were recorded but never queued", lost.Count);
        }
    }
}
