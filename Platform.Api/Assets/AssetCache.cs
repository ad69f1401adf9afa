using System.Text.Json;
using Microsoft.Extensions.Options;
using Platform.Jobs;
using StackExchange.Redis;

namespace Platform.Api.Assets;

/// <summary>
/// Finished assets in Redis, read before the database. Only finished ones: an asset in flight changes under
/// the worker, and caching it would race with the worker's invalidation.
/// </summary>
public sealed class AssetCache(IConnectionMultiplexer redis, IOptions<AssetOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Asset?> GetAsync(Guid id)
    {
        var cached = await redis.GetDatabase().StringGetAsync(AssetKeys.Cache(id));
        return cached.IsNullOrEmpty ? null : JsonSerializer.Deserialize<Asset>(cached.ToString(), Json);
    }

    public async Task SetIfFinishedAsync(Asset asset)
    {
        if (asset.IsFinished)
        {
            await redis.GetDatabase().StringSetAsync(AssetKeys.Cache(asset.Id), JsonSerializer.Serialize(asset, Json),
                TimeSpan.FromSeconds(options.Value.CacheSeconds));
        }
    }

    public async Task InvalidateAsync(Guid id) => await redis.GetDatabase().KeyDeleteAsync(AssetKeys.Cache(id));
}
