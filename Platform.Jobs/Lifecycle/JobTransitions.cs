using Dapper;
using Npgsql;
using Platform.Api.Contracts;
using StackExchange.Redis;

namespace Platform.Jobs.Lifecycle;

/// <summary>
/// A job's runs: every state change after it was queued (README: the diagram), each one statement (so each is atomic)
/// together with its event row and, for a processing job, its asset's status. Every change after the start names the
/// attempt it belongs to: if another worker has since taken the job over, the change does nothing, so a job that runs
/// twice still completes once. A change that alters what the api shows of an asset drops the asset's cached copies.
/// Starts and completions, one per job, are the busy path: concurrent ones share a statement (<see cref="Batcher{TItem, TResult}"/>).
/// A start commits without waiting for its WAL to reach the disk (<c>synchronous_commit</c> off for that transaction
/// alone), so the next start does not queue behind a slow flush. A crash can lose only starts whose jobs have not
/// completed: the completion commits synchronously, and its flush takes the WAL written before it, start included.
/// Such a job's stream entry is still pending, so it is simply started again.
/// </summary>
public sealed class JobTransitions
{
    private const int MaxBatch = 256;
    private const string DeadlockDetected = "40P01";

    /// <summary>The asset's error while its object is missing.</summary>
    public const string MissingObjectError = "The stored object is missing: verify-asset found no bytes for this asset.";

    private readonly NpgsqlDataSource _db;
    private readonly IConnectionMultiplexer _redis;
    private readonly Batcher<JobStart, StartedJob?> _starts;
    private readonly Batcher<JobCompletion, bool> _completions;

    public JobTransitions(NpgsqlDataSource db, IConnectionMultiplexer redis)
    {
        _db = db;
        _redis = redis;
        _starts = new(batch => RetryOnDeadlockAsync(() => StartAllAsync(batch)), MaxBatch);
        _completions = new(CompleteAllAsync, MaxBatch);
    }

    /// <summary>queued, retrying, or processing (a dead worker's, taken over) → processing. Returns the job, or null when
    /// there is nothing to run (done, failed or deleted).</summary>
    public Task<StartedJob?> TryStartAsync(Guid jobId, string worker, string? traceId) => _starts.RunAsync(new(jobId, worker, traceId));

    /// <summary>processing → done, with the job's result (and, for processing, the asset's new facts; for verification, whether its object
    /// is there, which marks the asset missing or not). False when this attempt no longer owns the job.</summary>
    public Task<bool> CompleteAsync(StartedJob job, JobOutcome outcome, string worker, string? traceId) =>
        _completions.RunAsync(new(job, outcome, worker, traceId));

    /// <summary>processing → retrying, or failed for good when <paramref name="final"/>.</summary>
    public async Task<bool> FailAsync(StartedJob job, string error, bool final, string worker, string? traceId)
    {
        await using var connection = await _db.OpenConnectionAsync();
        var failed = await connection.ExecuteScalarAsync<long>($$"""
            WITH failed AS (
                UPDATE jobs SET status = CASE WHEN @final THEN '{{JobStatus.Failed}}' ELSE '{{JobStatus.Retrying}}' END, error = @error,
                                completed_at = CASE WHEN @final THEN now() END
                WHERE id = @JobId AND status = '{{JobStatus.Processing}}' AND attempts = @Attempt
                RETURNING id, asset_id, type
            ), event AS (
                INSERT INTO job_events (job_id, event, attempt, worker, trace_id, detail)
                SELECT id, CASE WHEN @final THEN '{{JobEvents.DeadLettered}}' ELSE '{{JobEvents.RetryScheduled}}' END, @Attempt, @worker, @traceId, @error FROM failed
            ), asset AS (
                UPDATE assets SET status = CASE WHEN @final THEN '{{AssetStatus.Failed}}' ELSE '{{AssetStatus.Queued}}' END, error = @error
                FROM failed WHERE assets.id = failed.asset_id AND failed.type = '{{JobTypes.ProcessAsset}}'
            )
            SELECT count(*) FROM failed
            """, new { job.JobId, job.Attempt, error, final, worker, traceId }) == 1;
        if (failed)
        {
            await CachedAssets.InvalidateAsync(_redis.GetDatabase(), [job.AssetId]);
        }
        return failed;
    }

    /// <summary>processing → queued, unfinished (the worker is stopping): the attempt does not count.</summary>
    public async Task<bool> HandBackAsync(StartedJob job, string worker)
    {
        await using var connection = await _db.OpenConnectionAsync();
        var handedBack = await connection.ExecuteScalarAsync<long>($$"""
            WITH back AS (
                UPDATE jobs SET status = '{{JobStatus.Queued}}', attempts = attempts - 1
                WHERE id = @JobId AND status = '{{JobStatus.Processing}}' AND attempts = @Attempt
                RETURNING id, asset_id, type
            ), event AS (
                INSERT INTO job_events (job_id, event, attempt, worker) SELECT id, '{{JobEvents.HandedBack}}', @Attempt, @worker FROM back
            ), asset AS (
                UPDATE assets SET status = '{{AssetStatus.Queued}}', attempts = attempts - 1
                FROM back WHERE assets.id = back.asset_id AND back.type = '{{JobTypes.ProcessAsset}}'
            )
            SELECT count(*) FROM back
            """, new { job.JobId, job.Attempt, worker }) == 1;
        if (handedBack)
        {
            await CachedAssets.InvalidateAsync(_redis.GetDatabase(), [job.AssetId]);
        }
        return handedBack;
    }

    public async Task<bool> AssetExistsAsync(Guid assetId)
    {
        await using var connection = await _db.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM assets WHERE id = @assetId)", new { assetId });
    }

    private async Task<IReadOnlyList<StartedJob?>> StartAllAsync(IReadOnlyList<JobStart> batch)
    {
        // A job twice in one batch (a repeated delivery): only its first entry starts it.
        var first = batch.Select((start, index) => (start, index)).GroupBy(s => s.start.JobId).Select(g => g.First()).ToList();
        await using var command = BatchCommand($$"""
            WITH no_flush_wait AS (
                SELECT set_config('synchronous_commit', 'off', true)
            ), input AS (
                SELECT i.* FROM no_flush_wait, unnest($1::uuid[], $2::text[], $3::text[]) WITH ORDINALITY AS i(job_id, worker, trace_id, n)
            ), started AS (
                UPDATE jobs SET status = '{{JobStatus.Processing}}', attempts = attempts + 1, started_at = coalesce(started_at, now())
                FROM input
                -- processing too: the job of a worker that died mid-way, taken over.
                WHERE jobs.id = input.job_id AND jobs.status IN ('{{JobStatus.Queued}}', '{{JobStatus.Retrying}}', '{{JobStatus.Processing}}')
                RETURNING jobs.id, jobs.type, jobs.asset_id, jobs.attempts, input.worker, input.trace_id, input.n
            ), event AS (
                INSERT INTO job_events (job_id, event, attempt, worker, trace_id) SELECT id, '{{JobEvents.Started}}', attempts, worker, trace_id FROM started
            ), asset AS (
                UPDATE assets SET status = '{{AssetStatus.Processing}}', attempts = s.attempts, processing_started_at = now(), error = NULL
                FROM started s WHERE assets.id = s.asset_id AND s.type = '{{JobTypes.ProcessAsset}}'
            )
            SELECT s.n, s.id, s.type, s.asset_id, s.attempts, a.file_name, a.declared_content_type, a.size_bytes, a.sha256
            FROM started s JOIN assets a ON a.id = s.asset_id
            """,
            first.Select(s => s.start.JobId).ToArray(),
            first.Select(s => s.start.Worker).ToArray(),
            first.Select(s => s.start.TraceId).ToArray());
        var results = new StartedJob?[batch.Count];
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var index = first[(int)reader.GetInt64(0) - 1].index;
            results[index] = new StartedJob(reader.GetGuid(1), reader.GetString(2), reader.GetGuid(3), reader.GetInt32(4),
                reader.GetString(5), reader.GetString(6), reader.GetInt64(7), reader.IsDBNull(8) ? null : reader.GetString(8));
        }
        return results;
    }

    private async Task<IReadOnlyList<bool>> CompleteAllAsync(IReadOnlyList<JobCompletion> batch)
    {
        var completed = await RetryOnDeadlockAsync(() => WriteCompletionsAsync(batch));
        // Only processing (new facts) and verification (an object found missing, or back) change what the api shows of an asset.
        Guid[] changed = [.. batch.Where((completion, i) => completed[i] && (completion.Outcome.Asset is not null || completion.Outcome.ObjectFound is not null))
            .Select(c => c.Job.AssetId).Distinct()];
        if (changed.Length > 0)
        {
            await CachedAssets.InvalidateAsync(_redis.GetDatabase(), changed);
        }
        return completed;
    }

    private async Task<IReadOnlyList<bool>> WriteCompletionsAsync(IReadOnlyList<JobCompletion> batch)
    {
        await using var command = BatchCommand($$"""
            WITH input AS (
                SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::jsonb[], $6::text[], $7::text[], $8::text[], $9::bool[])
                    WITH ORDINALITY AS i(job_id, attempt, worker, trace_id, result, content_type, sha256, report_key, object_found, n)
            ), done AS (
                UPDATE jobs SET status = '{{JobStatus.Done}}', completed_at = now(), error = NULL, result = input.result
                FROM input
                WHERE jobs.id = input.job_id AND jobs.status = '{{JobStatus.Processing}}' AND jobs.attempts = input.attempt
                RETURNING jobs.id, jobs.asset_id, input.*
            ), event AS (
                INSERT INTO job_events (job_id, event, attempt, worker, trace_id) SELECT id, '{{JobEvents.Done}}', attempt, worker, trace_id FROM done
            ), asset AS (
                UPDATE assets SET status = '{{AssetStatus.Done}}', processed_at = now(), error = NULL,
                                  content_type = done.content_type, sha256 = done.sha256, report_key = done.report_key
                -- Only jobs that found new facts about the asset (processing) change it.
                FROM done WHERE assets.id = done.asset_id AND done.sha256 IS NOT NULL
            ), presence AS (
                -- A verification that found the object gone marks its asset missing; a later one that finds it back undoes that.
                UPDATE assets SET status = CASE WHEN done.object_found THEN '{{AssetStatus.Done}}' ELSE '{{AssetStatus.Missing}}' END,
                                  error = CASE WHEN done.object_found THEN NULL ELSE '{{MissingObjectError}}' END
                FROM done WHERE assets.id = done.asset_id AND done.object_found IS NOT NULL
                            AND (NOT done.object_found OR assets.status = '{{AssetStatus.Missing}}')
            )
            SELECT n FROM done
            """,
            batch.Select(c => c.Job.JobId).ToArray(),
            batch.Select(c => c.Job.Attempt).ToArray(),
            batch.Select(c => c.Worker).ToArray(),
            batch.Select(c => c.TraceId).ToArray(),
            batch.Select(c => c.Outcome.ResultJson).ToArray(),
            batch.Select(c => c.Outcome.Asset?.ContentType).ToArray(),
            batch.Select(c => c.Outcome.Asset?.Sha256).ToArray(),
            batch.Select(c => c.Outcome.Asset?.ReportKey).ToArray(),
            batch.Select(c => c.Outcome.ObjectFound).ToArray());
        var completed = new bool[batch.Count];
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            completed[(int)reader.GetInt64(0) - 1] = true;
        }
        return completed;
    }

    /// <summary>A batch as columns: one array parameter each ($1, $2, ...), which the statement takes apart with unnest.</summary>
    private NpgsqlCommand BatchCommand(string sql, params Array[] columns)
    {
        var command = _db.CreateCommand(sql);
        foreach (var column in columns)
        {
            command.Parameters.Add(new() { Value = column });
        }
        return command;
    }

    /// <summary>Two batches that touch the same rows in different orders can deadlock; PostgreSQL then aborts one,
    /// which has changed nothing and can simply run again.</summary>
    private static async Task<T> RetryOnDeadlockAsync<T>(Func<Task<T>> write)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await write();
            }
            catch (PostgresException e) when (e.SqlState == DeadlockDetected && attempt < 3)
            {
            }
        }
    }

    private sealed record JobStart(Guid JobId, string Worker, string? TraceId);

    private sealed record JobCompletion(StartedJob Job, JobOutcome Outcome, string Worker, string? TraceId);
}
