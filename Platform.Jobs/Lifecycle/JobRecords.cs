using Dapper;
using Npgsql;
using Platform.Api.Contracts;

namespace Platform.Jobs.Lifecycle;

/// <summary>
/// How a job comes to be, and how one that was never queued is found: the api records a job (queued) before it puts
/// its entry on the stream; a worker looks for queued jobs that no entry names. A caller's token bounds only the wait for
/// a connection (Platform.Npgsql's README).
/// </summary>
public sealed class JobRecords(NpgsqlDataSource db)
{
    /// <summary>A new job, queued, in the caller's transaction (the upload records its asset and job together).</summary>
    public static Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid jobId, string type, Guid assetId) =>
        connection.ExecuteAsync(new CommandDefinition($"INSERT INTO jobs (id, type, asset_id, status) VALUES (@jobId, @type, @assetId, '{JobStatus.Queued}')",
            new { jobId, type, assetId }, transaction));

    /// <summary>
    /// Records a job for an asset unless the asset is missing (or not <paramref name="owner"/>'s, when given) or the job
    /// cannot run now. The asset row is locked while deciding, so two requests cannot both start processing it.
    /// </summary>
    public async Task<JobCreation> CreateAsync(string type, Guid assetId, string? owner, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync();
        var asset = await connection.QuerySingleOrDefaultAsync<AssetState>(new CommandDefinition("""
            SELECT a.sha256,
                   EXISTS (SELECT 1 FROM jobs j WHERE j.asset_id = a.id AND j.type = @processType AND j.status = ANY(@unfinished)) AS being_processed
            FROM assets a WHERE a.id = @assetId AND (@owner::text IS NULL OR a.owner_id = @owner) FOR UPDATE
            """, new { assetId, owner, processType = JobTypes.ProcessAsset, unfinished = JobStatus.Unfinished.ToArray() }, transaction));
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
        await InsertAsync(connection, transaction, jobId, type, assetId);
        await transaction.CommitAsync();
        return JobCreation.Created(jobId);
    }

    /// <summary>Takes back a job that could not be queued.</summary>
    public async Task DeleteAsync(Guid jobId)
    {
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync("DELETE FROM jobs WHERE id = @jobId", new { jobId });
    }

    /// <summary>Jobs queued for longer than <paramref name="after"/>, oldest first: lost, unless an entry still names them.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Type)>> QueuedBeforeAsync(TimeSpan after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<(Guid Id, string Type)>(new CommandDefinition($"""
            SELECT id, type FROM jobs
            WHERE status = '{JobStatus.Queued}' AND created_at < now() - make_interval(secs => @afterSeconds)
            ORDER BY created_at LIMIT @limit
            """, new { afterSeconds = after.TotalSeconds, limit }))];
    }

    private sealed record AssetState(string? Sha256, bool BeingProcessed);
}
