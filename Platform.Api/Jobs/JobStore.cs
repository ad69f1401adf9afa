using System.Text.Json;
using Dapper;
using Npgsql;
using Platform.Jobs;

namespace Platform.Api.Jobs;

/// <summary>Job records on the primary.</summary>
public sealed class JobStore(NpgsqlDataSource db)
{
    /// <summary>
    /// Records a job for an asset unless the asset is missing or the job cannot run now. The asset row is locked
    /// while deciding, so two requests cannot both start processing the same asset.
    /// </summary>
    public async Task<JobCreation> CreateAsync(string type, Guid assetId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var asset = await connection.QuerySingleOrDefaultAsync<AssetState>(new CommandDefinition("""
            SELECT a.sha256,
                   EXISTS (SELECT 1 FROM jobs j WHERE j.asset_id = a.id AND j.type = @processType AND j.status IN ('queued', 'processing', 'retrying')) AS being_processed
            FROM assets a WHERE a.id = @assetId FOR UPDATE
            """, new { assetId, processType = JobTypes.ProcessAsset }, transaction, cancellationToken: cancellationToken));
        if (asset is null)
        {
            return JobCreation.AssetNotFound;
        }
        if (asset.BeingProcessed)
        {
            return JobCreation.Conflict("The asset is already being processed; wait for that job to finish.");
        }
        if (type == JobTypes.VerifyAsset && asset.Sha256 is null)
        {
            return JobCreation.Conflict("The asset has not been processed yet, so there is no checksum to verify against.");
        }
        var jobId = Guid.CreateVersion7();
        await connection.ExecuteAsync(new CommandDefinition("INSERT INTO jobs (id, type, asset_id) VALUES (@jobId, @type, @assetId)",
            new { jobId, type, assetId }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return JobCreation.Created(jobId);
    }

    /// <summary>Takes back a job that could not be queued.</summary>
    public async Task DeleteAsync(Guid jobId)
    {
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync("DELETE FROM jobs WHERE id = @jobId", new { jobId });
    }

    public async Task<Job?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        using var results = await connection.QueryMultipleAsync(new CommandDefinition("""
            SELECT id, type, asset_id, status, attempts, error, result::text AS result, created_at, started_at, completed_at FROM jobs WHERE id = @id;
            SELECT at, event, attempt, worker, trace_id, detail FROM job_events WHERE job_id = @id ORDER BY id;
            """, new { id }, cancellationToken: cancellationToken));
        var job = await results.ReadSingleOrDefaultAsync<JobRow>();
        var events = (await results.ReadAsync<JobEvent>()).ToList();
        return job is null ? null : new Job(job.Id, job.Type, job.AssetId, job.Status, job.Attempts, job.Error,
            job.Result is null ? null : JsonDocument.Parse(job.Result).RootElement, job.CreatedAt, job.StartedAt, job.CompletedAt, events);
    }

    private sealed record AssetState(string? Sha256, bool BeingProcessed);

    private sealed record JobRow(Guid Id, string Type, Guid AssetId, string Status, int Attempts, string? Error, string? Result,
        DateTime CreatedAt, DateTime? StartedAt, DateTime? CompletedAt);
}
