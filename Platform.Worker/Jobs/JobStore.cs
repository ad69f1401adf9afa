using Dapper;
using Npgsql;

namespace Platform.Worker.Jobs;

/// <summary>
/// A job's state changes, each one statement (so each is atomic) together with its event row. Every change after
/// the start names the attempt it belongs to: if another worker has since taken the job over, the change does
/// nothing, so a job that runs twice still completes once.
/// </summary>
public sealed class JobStore(NpgsqlDataSource db)
{
    /// <summary>Marks the job running and returns it, or null when there is nothing to run (done, failed or deleted).</summary>
    public async Task<StartedJob?> TryStartAsync(Guid jobId, string worker, string? traceId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StartedJob>(new CommandDefinition("""
            WITH started AS (
                UPDATE jobs SET status = 'processing', attempts = attempts + 1, started_at = coalesce(started_at, now())
                -- 'processing' too: the job of a worker that died mid-way, taken over.
                WHERE id = @jobId AND status IN ('queued', 'retrying', 'processing')
                RETURNING id, type, asset_id, attempts
            ), event AS (
                INSERT INTO job_events (job_id, event, attempt, worker, trace_id) SELECT id, 'started', attempts, @worker, @traceId FROM started
            ), asset AS (
                UPDATE assets SET status = 'processing', attempts = s.attempts, processing_started_at = now(), error = NULL
                FROM started s WHERE assets.id = s.asset_id AND s.type = 'process-asset'
            )
            SELECT s.id AS job_id, s.type, s.asset_id, s.attempts AS attempt, a.file_name, a.declared_content_type, a.sha256 AS recorded_sha256
            FROM started s JOIN assets a ON a.id = s.asset_id
            """, new { jobId, worker, traceId }, cancellationToken: cancellationToken));
    }

    /// <summary>Records the job's result (and, for processing, the asset's new facts). False when this attempt no longer owns the job.</summary>
    public async Task<bool> CompleteAsync(StartedJob job, JobOutcome outcome, string worker, string? traceId)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("""
            WITH done AS (
                UPDATE jobs SET status = 'done', completed_at = now(), error = NULL, result = @result::jsonb
                WHERE id = @JobId AND status = 'processing' AND attempts = @Attempt
                RETURNING id, asset_id
            ), event AS (
                INSERT INTO job_events (job_id, event, attempt, worker, trace_id) SELECT id, 'done', @Attempt, @worker, @traceId FROM done
            ), asset AS (
                UPDATE assets SET status = 'done', processed_at = now(), error = NULL,
                                  content_type = @contentType, sha256 = @sha256, report_key = @reportKey
                FROM done WHERE assets.id = done.asset_id AND @updateAsset
            )
            SELECT count(*) FROM done
            """, new
        {
            job.JobId,
            job.Attempt,
            worker,
            traceId,
            result = outcome.ResultJson,
            updateAsset = outcome.Asset is not null,
            contentType = outcome.Asset?.ContentType,
            sha256 = outcome.Asset?.Sha256,
            reportKey = outcome.Asset?.ReportKey,
        }) == 1;
    }

    /// <summary>Records a failed attempt: <c>retrying</c>, or <c>failed</c> for good when <paramref name="final"/>.</summary>
    public async Task<bool> FailAsync(StartedJob job, string error, bool final, string worker, string? traceId)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("""
            WITH failed AS (
                UPDATE jobs SET status = CASE WHEN @final THEN 'failed' ELSE 'retrying' END, error = @error,
                                completed_at = CASE WHEN @final THEN now() END
                WHERE id = @JobId AND status = 'processing' AND attempts = @Attempt
                RETURNING id, asset_id, type
            ), event AS (
                INSERT INTO job_events (job_id, event, attempt, worker, trace_id, detail)
                SELECT id, CASE WHEN @final THEN 'dead-lettered' ELSE 'retry-scheduled' END, @Attempt, @worker, @traceId, @error FROM failed
            ), asset AS (
                UPDATE assets SET status = CASE WHEN @final THEN 'failed' ELSE 'queued' END, error = @error
                FROM failed WHERE assets.id = failed.asset_id AND failed.type = 'process-asset'
            )
            SELECT count(*) FROM failed
            """, new { job.JobId, job.Attempt, error, final, worker, traceId }) == 1;
    }

    /// <summary>Gives the job back unfinished (the worker is stopping): the attempt does not count.</summary>
    public async Task<bool> HandBackAsync(StartedJob job, string worker)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("""
            WITH back AS (
                UPDATE jobs SET status = 'queued', attempts = attempts - 1
                WHERE id = @JobId AND status = 'processing' AND attempts = @Attempt
                RETURNING id, asset_id, type
            ), event AS (
                INSERT INTO job_events (job_id, event, attempt, worker) SELECT id, 'handed-back', @Attempt, @worker FROM back
            ), asset AS (
                UPDATE assets SET status = 'queued', attempts = attempts - 1 FROM back WHERE assets.id = back.asset_id AND back.type = 'process-asset'
            )
            SELECT count(*) FROM back
            """, new { job.JobId, job.Attempt, worker }) == 1;
    }

    public async Task<bool> AssetExistsAsync(Guid assetId)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM assets WHERE id = @assetId)", new { assetId });
    }
}

/// <summary>A job this worker has started, with what its handler needs to know of the asset.</summary>
public sealed record StartedJob(Guid JobId, string Type, Guid AssetId, int Attempt, string FileName, string DeclaredContentType, string? RecordedSha256);

/// <summary>What a handler produced: the job's result, and for processing, the asset's new facts.</summary>
public sealed record JobOutcome(string ResultJson, AssetFacts? Asset);

public sealed record AssetFacts(string ContentType, string Sha256, string ReportKey);
