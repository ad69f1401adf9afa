using StackExchange.Redis;

namespace Platform.Jobs;

/// <summary>Puts jobs on the ready stream. Delivery is at-least-once, so handlers must be idempotent.</summary>
public sealed class JobQueue(IConnectionMultiplexer redis)
{
    public async Task EnqueueAsync(JobEntry entry) =>
        await redis.GetDatabase().StreamAddAsync(JobStreams.Ready, entry.ToFields());
}
