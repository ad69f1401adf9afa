using Platform.Worker.Telemetry;
using StackExchange.Redis;
using Platform.Jobs.Queue;

namespace Platform.Worker.Queue;

/// <summary>Moves retries back onto the ready stream when they are due, and samples the queue's depth for the metrics.</summary>
public sealed class RetryScheduler(JobStream stream, WorkerMetrics metrics, ILogger<RetryScheduler> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(200);
    private const int SampleEveryTicks = 25;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick);
        var ticks = 0;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                while (await stream.PromoteDueRetriesAsync(limit: 100) == 100)
                {
                }
                if (ticks++ % SampleEveryTicks == 0)
                {
                    var (waiting, pending) = await stream.DepthAsync();
                    metrics.Sampled(waiting, pending);
                }
            }
            catch (RedisException e)
            {
                // Redis is away (restarting): the retries wait in it and move once it is back.
                logger.LogWarning(e, "Could not move due retries");
            }
        }
    }
}
