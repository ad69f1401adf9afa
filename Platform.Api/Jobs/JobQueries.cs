using System.Text.Json;
using Dapper;
using Npgsql;
using Platform.Api.Authorization;

namespace Platform.Api.Jobs;

/// <summary>Reads a job and its history on the primary (its changes are Platform.Jobs' lifecycle). A request's token bounds
/// only the wait for a connection (Platform.Npgsql's README).</summary>
public sealed class JobQueries(NpgsqlDataSource db)
{
    /// <summary>A job follows its asset: the caller sees it if they may see the asset.</summary>
    public async Task<Job?> FindAsync(Guid id, Caller caller, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        using var results = await connection.QueryMultipleAsync(new CommandDefinition("""
            SELECT j.id, j.type, j.asset_id, j.status, j.attempts, j.error, j.result::text AS result, j.created_at, j.started_at, j.completed_at
            FROM jobs j JOIN assets a ON a.id = j.asset_id
            WHERE j.id = @id AND (@owner::text IS NULL OR a.owner_id = @owner);
            SELECT at, event, attempt, worker, trace_id, detail FROM job_events WHERE job_id = @id ORDER BY id;
            """, new { id, owner = caller.OwnerFilter }));
        var job = await results.ReadSingleOrDefaultAsync<JobRow>();
        var events = (await results.ReadAsync<JobEvent>()).ToList();
        return job is null ? null : new Job(job.Id, job.Type, job.AssetId, job.Status, job.Attempts, job.Error,
            job.Result is null ? null : JsonDocument.Parse(job.Result).RootElement, job.CreatedAt, job.StartedAt, job.CompletedAt, events);
    }

    private sealed record JobRow(Guid Id, string Type, Guid AssetId, string Status, int Attempts, string? Error, string? Result,
        DateTime CreatedAt, DateTime? StartedAt, DateTime? CompletedAt);
}
