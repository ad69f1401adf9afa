using StackExchange.Redis;

namespace Platform.Jobs;

/// <summary>
/// The api keeps finished assets in Redis and, for a few seconds, in each instance's memory. Whoever changes an asset
/// drops both: the Redis entry, and (by a message on <see cref="Changes"/> that every api instance hears) the copies in
/// memory.
/// </summary>
public static class CachedAssets
{
    public static readonly RedisChannel Changes = RedisChannel.Literal("asset-changes");

    /// <summary>Sends both commands at once; on a transaction they run when it executes.</summary>
    public static Task InvalidateAsync(IDatabaseAsync redis, IReadOnlyCollection<Guid> assetIds) => Task.WhenAll(
        redis.KeyDeleteAsync([.. assetIds.Select(id => (RedisKey)AssetKeys.Cache(id))]),
        redis.PublishAsync(Changes, string.Join(' ', assetIds)));

    /// <summary>The assets a message on <see cref="Changes"/> names.</summary>
    public static IEnumerable<Guid> Parse(RedisValue message)
    {
        foreach (var part in message.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Guid.TryParse(part, out var id))
            {
                yield return id;
            }
        }
    }
}
