using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Options;
using Platform.Api.Authorization;
using Npgsql;
using Platform.Npgsql;
using StackExchange.Redis;

namespace Platform.Api.Analytics;

/// <summary>
/// Aggregates over the caller's assets and their jobs (an admin's: every asset): read from the replica (the primary
/// only while the replica is down), and kept briefly in Redis, per owner, since many readers can share one slightly
/// old answer. A request's token bounds only the wait for a connection (Platform.Npgsql's README).
/// </summary>
public sealed class AnalyticsQuery(ReadReplicaDataSource replica, IConnectionMultiplexer redis, IOptions<AnalyticsOptions> options)
{
    private const string CacheKey = "analytics:summary";

    /// <summary>The caller's assets (all for an admin); <c>@owner</c> is <see cref="Caller.OwnerFilter"/>.</summary>
    private const string Assets = "(SELECT * FROM assets WHERE @owner::text IS NULL OR owner_id = @owner)";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<AnalyticsSummary> GetSummaryAsync(Caller caller, CancellationToken cancellationToken)
    {
        var cache = redis.GetDatabase();
        var cacheKey = caller.OwnerFilter is { } owner ? $"{CacheKey}:{owner}" : CacheKey;
        var cached = await cache.StringGetAsync(cacheKey);
        if (!cached.IsNullOrEmpty)
        {
            return JsonSerializer.Deserialize<AnalyticsSummary>(cached.ToString(), Json)!;
        }
        // A replica that went away is read around (ReadReplicaDataSource); if the primary fails too, the caller gets the 503.
        var summary = await replica.ReadAsync(connection => QueryAsync(connection, caller.OwnerFilter, caller.IsAdmin), cancellationToken);
        if (options.Value.CacheSeconds > 0)
        {
            await cache.StringSetAsync(cacheKey, JsonSerializer.Serialize(summary, Json), TimeSpan.FromSeconds(options.Value.CacheSeconds));
        }
        return summary;
    }

    private static async Task<AnalyticsSummary> QueryAsync(NpgsqlConnection connection, string? owner, bool showHost)
    {
        // One snapshot for every figure, so they add up.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        using var results = await connection.QueryMultipleAsync(new CommandDefinition($"""
            SELECT pg_is_in_recovery() AS in_recovery,
                   -- Caught up means no lag, however long ago the last write was.
                   CASE WHEN NOT pg_is_in_recovery() THEN NULL
                        WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                        ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 * 1000 END AS replay_lag_ms;
            SELECT status, count(*) AS count FROM {Assets} a GROUP BY status;
            SELECT coalesce(content_type, 'pending') AS content_type, count(*) AS count, sum(size_bytes)::bigint AS bytes
                FROM {Assets} a GROUP BY 1 ORDER BY 2 DESC, 1;
            SELECT j.type, j.status, count(*) AS count FROM jobs j JOIN {Assets} a ON a.id = j.asset_id GROUP BY j.type, j.status ORDER BY j.type, j.status;
            SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50, percentile_cont(0.95) WITHIN GROUP (ORDER BY ms) AS p95,
                   percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99
                FROM (SELECT extract(epoch FROM processed_at - created_at)::float8 * 1000 AS ms FROM {Assets} a WHERE status = '{AssetStatus.Done}') t;
            SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50, percentile_cont(0.95) WITHIN GROUP (ORDER BY ms) AS p95,
                   percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99
                FROM (SELECT extract(epoch FROM processed_at - processing_started_at)::float8 * 1000 AS ms FROM {Assets} a WHERE status = '{AssetStatus.Done}') t;
            """, new { owner }, transaction));
        var node = await results.ReadSingleAsync<NodeRow>();
        var byStatus = (await results.ReadAsync<StatusCount>()).ToDictionary(s => s.Status, s => s.Count);
        var byContentType = (await results.ReadAsync<ContentTypeCount>()).ToList();
        var jobs = (await results.ReadAsync<JobCount>()).ToList();
        var uploadToDone = await results.ReadSingleAsync<Percentiles>();
        var processing = await results.ReadSingleAsync<Percentiles>();
        return new AnalyticsSummary(
            DateTime.UtcNow,
            new ServedBy(node.InRecovery ? "replica" : "primary", showHost ? $"{connection.Host}:{connection.Port}" : null, node.ReplayLagMs),
            byStatus.Values.Sum(),
            byContentType.Sum(c => c.Bytes),
            byStatus,
            byContentType,
            jobs,
            uploadToDone,
            processing);
    }

    private sealed record NodeRow(bool InRecovery, double? ReplayLagMs);

    private sealed record StatusCount(string Status, long Count);
}
