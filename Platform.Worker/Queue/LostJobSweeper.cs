using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using StackExchange.Redis;

namespace Platform.Worker.Queue;

/// <summary>
/// The api records a job in PostgreSQL, then queues it on the stream. If it stops in between, the job is queued in
/// the database only, and nothing would ever run it. Every <see cref="QueueOptions.LostJobSweepMs"/> one worker (the
/// one that takes the turn in Redis) looks for jobs queued longer than <see cref="QueueOptions.LostJobAfterMs"/> that
/// no entry on the stream names, and queues them again.
/// </summary>
public sealed class LostJobSweeper(NpgsqlDataSource db, JobStream stream, IOptions<QueueOptions> options, ILogger<LostJobSweeper> logger)
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
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var candidates = (await connection.QueryAsync<(Guid Id, string Type)>(new CommandDefinition("""
            SELECT id, type FROM jobs
            WHERE status = 'queued' AND created_at < now() - make_interval(secs => @afterSeconds)
            ORDER BY created_at LIMIT @limit
            """, new { afterSeconds = _options.LostJobAfterMs / 1000.0, limit = MaxPerSweep }, cancellationToken: cancellationToken))).ToList();
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
