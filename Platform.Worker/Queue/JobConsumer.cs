using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Platform.Jobs.Queue;
using Platform.Worker.Jobs;
using StackExchange.Redis;

namespace Platform.Worker.Queue;

/// <summary>
/// Reads the ready stream as one consumer of the workers' group and runs up to <see cref="QueueOptions.Concurrency"/>
/// jobs at once. Before each read it takes over entries that a dead consumer left pending (<c>XAUTOCLAIM</c>), and
/// it keeps renewing its claim on the entries it runs, so that only a dead worker's entries look stale.
/// On shutdown it stops reading, gives running jobs <see cref="QueueOptions.ShutdownGraceMs"/> to finish, then
/// hands the rest back to the queue.
/// </summary>
public sealed class JobConsumer(
    IConnectionMultiplexer redis,
    JobStream stream,
    JobRunner runner,
    IOptions<QueueOptions> options,
    ILogger<JobConsumer> logger) : BackgroundService
{
    /// <summary>How long one read waits for new entries. Short, because a stop is noticed only between reads, and
    /// the local orchestrator allows a second from SIGTERM to SIGKILL (read, then the grace period, then hand-backs).</summary>
    private static readonly TimeSpan ReadBlock = TimeSpan.FromMilliseconds(200);

    private readonly QueueOptions _options = options.Value;
    private readonly ConcurrentDictionary<RedisValue, Task> _running = new();
    private readonly CancellationTokenSource _abort = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A blocking read holds its connection, so it gets one of its own instead of the shared multiplexer's.
        await using var reader = await redis.ConnectAnotherAsync();
        var slots = new SemaphoreSlim(_options.Concurrency, _options.Concurrency);
        var nextClaim = DateTime.MinValue;
        logger.LogInformation("Consumer {Consumer} reading '{Stream}' with {Concurrency} slots", JobStream.Consumer, JobStreams.Ready, _options.Concurrency);
        await EnsureGroupAsync(stoppingToken);
        var renewing = RenewRunningAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await slots.WaitAsync(stoppingToken);
                var free = slots.CurrentCount + 1;
                var entries = Array.Empty<StreamEntry>();
                if (DateTime.UtcNow >= nextClaim)
                {
                    nextClaim = DateTime.UtcNow.AddMilliseconds(_options.ClaimIdleMs / 4.0);
                    entries = await stream.ClaimStaleAsync(TimeSpan.FromMilliseconds(_options.ClaimIdleMs), free);
                    if (entries.Length > 0)
                    {
                        logger.LogWarning("Took over {Count} stale jobs from stopped workers", entries.Length);
                    }
                }
                if (entries.Length == 0)
                {
                    entries = await JobStream.ReadNewAsync(reader.GetDatabase(), free, ReadBlock);
                }
                slots.Release();
                foreach (var entry in entries)
                {
                    await slots.WaitAsync(stoppingToken);
                    Start(entry, slots);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
            }
            catch (RedisServerException e) when (e.Message.StartsWith("NOGROUP", StringComparison.Ordinal))
            {
                // Redis came back without the group (its data was lost): make it again.
                await EnsureGroupAsync(stoppingToken);
            }
            catch (RedisException e)
            {
                logger.LogWarning(e, "Reading the job stream failed; retrying in a second");
                // WhenAny: a stop during the pause ends it without throwing.
                await Task.WhenAny(Task.Delay(TimeSpan.FromSeconds(1), stoppingToken));
            }
        }
        await DrainAsync();
        await renewing;
    }

    private void Start(StreamEntry entry, SemaphoreSlim slots)
    {
        var task = Task.Run(async () =>
        {
            try
            {
                await runner.RunAsync(entry, _abort.Token);
            }
            catch (Exception e)
            {
                // The entry stays pending; a worker takes it over once it is stale.
                logger.LogError(e, "Job entry {EntryId} was left pending", entry.Id);
            }
            finally
            {
                slots.Release();
            }
        });
        _running[entry.Id] = task;
        // Registered after the add, so that a job that has already finished is still removed.
        task.ContinueWith(_ => _running.TryRemove(new(entry.Id, task)), TaskScheduler.Default);
    }

    /// <summary>One renewal for all running entries, every third of <see cref="QueueOptions.ClaimIdleMs"/>.</summary>
    private async Task RenewRunningAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(_options.ClaimIdleMs / 3.0));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    if (_running.Keys.ToArray() is { Length: > 0 } running)
                    {
                        await stream.RenewAsync(running);
                    }
                }
                catch (RedisException e)
                {
                    logger.LogWarning(e, "Could not renew the claim on running jobs; another worker may take them over");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task DrainAsync()
    {
        var running = _running.Values.ToArray();
        logger.LogInformation("Stopping: waiting up to {GraceMs} ms for {Count} running jobs", _options.ShutdownGraceMs, running.Length);
        var finished = Task.WhenAll(running);
        if (await Task.WhenAny(finished, Task.Delay(_options.ShutdownGraceMs)) != finished)
        {
            await _abort.CancelAsync();
            await finished;
        }
        try
        {
            await stream.LeaveGroupIfIdleAsync();
        }
        catch (RedisException e)
        {
            logger.LogWarning(e, "Could not leave the consumer group");
        }
    }

    private async Task EnsureGroupAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await stream.EnsureGroupAsync();
                return;
            }
            catch (RedisException e) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Could not create the consumer group; retrying");
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
    }
}
