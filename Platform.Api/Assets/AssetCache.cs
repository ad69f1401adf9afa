using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Platform.Jobs;
using StackExchange.Redis;

namespace Platform.Api.Assets;

/// <summary>
/// Finished assets as their JSON, read before the database: in Redis, shared by every api instance, and for a few
/// seconds in this one's memory, which saves the round trip to Redis on the busiest read. Only finished ones: an asset
/// in flight changes under the worker, and caching it would race with the worker's invalidation. Every change drops
/// both copies (<see cref="CachedAssets"/>).
/// </summary>
public sealed class AssetCache
{
    /// <summary>Bounds how long a copy in memory can outlive a change whose message was lost.</summary>
    private static readonly TimeSpan LocalLifetime = TimeSpan.FromSeconds(5);
    private const int LocalCapacity = 10_000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly IConnectionMultiplexer _redis;
    private readonly AssetOptions _options;
    private readonly ConcurrentDictionary<Guid, LocalCopy> _local = new();
    // Bumped by every change heard: a copy read before a change must not be kept after it.
    private long _changes;

    public AssetCache(IConnectionMultiplexer redis, IOptions<AssetOptions> options)
    {
        _redis = redis;
        _options = options.Value;
        // Not the synchronous Subscribe: built by the first request that needs the cache, it blocked that request's
        // thread while every other one waited for this singleton (a restarted api under load stopped answering). The
        // client subscribes again after every reconnection; until the first subscription, a copy lives its 5 s at most.
        _ = SubscribeAsync();
        // While the connection was down, changes went unheard.
        _redis.ConnectionRestored += (_, _) => Forget(_local.Keys);
    }

    private async Task SubscribeAsync()
    {
        try
        {
            await _redis.GetSubscriber().SubscribeAsync(CachedAssets.Changes, (_, message) => Forget(CachedAssets.Parse(message)));
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // Redis is down: the client's reconnection subscribes (it keeps the subscription), and ConnectionRestored forgets.
        }
    }

    public static byte[] Serialize(Asset asset) => JsonSerializer.SerializeToUtf8Bytes(asset, Json);

    /// <summary>The owner a cached copy names, read without deserializing it (it is the second property, after the id).</summary>
    public static string? OwnerOf(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("ownerId"u8))
            {
                reader.Read();
                return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
            if (reader.CurrentDepth == 1 && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }
        }
        return null;
    }

    public async Task<byte[]?> GetJsonAsync(Guid id)
    {
        if (_local.TryGetValue(id, out var copy) && copy.ExpiresAt > DateTime.UtcNow)
        {
            return copy.Json;
        }
        var changes = Volatile.Read(ref _changes);
        byte[]? json = await _redis.GetDatabase().StringGetAsync(AssetKeys.Cache(id));
        if (json is not null)
        {
            KeepLocally(id, json, changes);
        }
        return json;
    }

    /// <param name="json">The asset as <see cref="Serialize"/> wrote it.</param>
    public async Task SetIfFinishedAsync(Asset asset, byte[] json)
    {
        if (asset.IsFinished)
        {
            var changes = Volatile.Read(ref _changes);
            await _redis.GetDatabase().StringSetAsync(AssetKeys.Cache(asset.Id), json, TimeSpan.FromSeconds(_options.CacheSeconds));
            KeepLocally(asset.Id, json, changes);
        }
    }

    public async Task InvalidateAsync(Guid id)
    {
        Forget([id]);
        await CachedAssets.InvalidateAsync(_redis.GetDatabase(), [id]);
    }

    private void KeepLocally(Guid id, byte[] json, long changesBefore)
    {
        if (_local.Count >= LocalCapacity)
        {
            _local.Clear();
        }
        _local[id] = new LocalCopy(json, DateTime.UtcNow + LocalLifetime);
        // A change heard meanwhile may be about this asset: then the copy just kept is already stale.
        if (Volatile.Read(ref _changes) != changesBefore)
        {
            _local.TryRemove(id, out _);
        }
    }

    private void Forget(IEnumerable<Guid> ids)
    {
        Interlocked.Increment(ref _changes);
        foreach (var id in ids)
        {
            _local.TryRemove(id, out _);
        }
    }

    private sealed record LocalCopy(byte[] Json, DateTime ExpiresAt);
}
