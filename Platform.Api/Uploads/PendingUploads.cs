using System.Text.Json;
using Microsoft.Extensions.Options;
using Platform.Api.Assets;
using StackExchange.Redis;

namespace Platform.Api.Uploads;

/// <summary>
/// Issued uploads until they are completed, in Redis (any api instance may take the completion), each for
/// <see cref="AssetOptions.UploadTimeoutSeconds"/>: an upload completed later is unknown, and its object, which no
/// record names, is the orphan sweep's. Nothing is written to PostgreSQL before the completion.
/// </summary>
public sealed class PendingUploads(IConnectionMultiplexer redis, IOptions<AssetOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task SaveAsync(Guid uploadId, PendingUpload upload) => redis.GetDatabase().StringSetAsync(
        Key(uploadId), JsonSerializer.SerializeToUtf8Bytes(upload, Json), TimeSpan.FromSeconds(options.Value.UploadTimeoutSeconds));

    public async Task<PendingUpload?> FindAsync(Guid uploadId) =>
        await redis.GetDatabase().StringGetAsync(Key(uploadId)) is { HasValue: true } json
            ? JsonSerializer.Deserialize<PendingUpload>((byte[])json!, Json)
            : null;

    public Task RemoveAsync(Guid uploadId) => redis.GetDatabase().KeyDeleteAsync(Key(uploadId));

    private static RedisKey Key(Guid uploadId) => $"upload:{uploadId}";
}
