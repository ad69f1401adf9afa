using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.AWSSDK.S3;
using Platform.Jobs;
using StackExchange.Redis;

namespace Platform.Worker.Reconciliation;

/// <summary>
/// The backstop for uploads whose record was never written (the api deletes the object itself when the insert fails,
/// but it can die or lose S3 in between): every <see cref="ReconciliationOptions.OrphanSweepSeconds"/> one worker
/// lists the bucket's asset objects, and deletes those whose asset has no record and whose upload began more than
/// <see cref="ReconciliationOptions.OrphanAfterSeconds"/> ago. When it began is in the key itself: asset ids are
/// version 7 GUIDs (<see cref="AssetKeys.UploadStartedAt"/>); an object whose key tells no time is left alone.
/// </summary>
public sealed class OrphanSweeper(
    IAmazonS3 s3,
    S3Connection storage,
    NpgsqlDataSource db,
    IConnectionMultiplexer redis,
    TimeProvider time,
    IOptions<ReconciliationOptions> options,
    ILogger<OrphanSweeper> logger) : BackgroundService
{
    private const string Turn = "assets:orphan-sweep-turn";
    private readonly ReconciliationOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(_options.OrphanSweepSeconds);
        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (await redis.GetDatabase().StringSetAsync(Turn, Environment.ProcessId.ToString(), interval, When.NotExists))
                {
                    await SweepAsync(stoppingToken);
                }
            }
            catch (Exception e) when (e is RedisException or NpgsqlException or AmazonClientException)
            {
                logger.LogWarning(e, "Could not look for orphaned objects; trying again in {Seconds} s", _options.OrphanSweepSeconds);
            }
        }
    }

    /// <summary>One pass over the bucket, a page of keys at a time.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var deleted = 0;
        var request = new ListObjectsV2Request { BucketName = storage.BucketName, Prefix = AssetKeys.ObjectPrefix };
        do
        {
            var page = await s3.ListObjectsV2Async(request, cancellationToken);
            deleted += await DeleteOrphansAsync([.. (page.S3Objects ?? []).Select(o => o.Key)], cancellationToken);
            request.ContinuationToken = page.NextContinuationToken;
        }
        while (request.ContinuationToken is not null);
        return deleted;
    }

    private async Task<int> DeleteOrphansAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var oldEnough = time.GetUtcNow() - TimeSpan.FromSeconds(_options.OrphanAfterSeconds);
        var candidates = keys
            .Select(key => (Key: key, AssetId: AssetKeys.AssetIdOf(key)))
            .Where(k => k.AssetId is { } id && AssetKeys.UploadStartedAt(id) < oldEnough)
            .ToList();
        if (candidates.Count == 0)
        {
            return 0;
        }
        var recorded = await RecordedAsync([.. candidates.Select(c => c.AssetId!.Value).Distinct()], cancellationToken);
        var orphans = candidates.Where(c => !recorded.Contains(c.AssetId!.Value)).Select(c => c.Key).ToList();
        foreach (var key in orphans)
        {
            await s3.DeleteObjectAsync(storage.BucketName, key, cancellationToken);
        }
        if (orphans.Count > 0)
        {
            logger.LogWarning("Deleted {Count} objects that no asset record names: {Keys}", orphans.Count, string.Join(", ", orphans.Take(10)));
        }
        return orphans.Count;
    }

    private async Task<HashSet<Guid>> RecordedAsync(Guid[] ids, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("SELECT id FROM assets WHERE id = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = ids });
        var recorded = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            recorded.Add(reader.GetGuid(0));
        }
        return recorded;
    }
}
