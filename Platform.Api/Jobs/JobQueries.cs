using System.Text.Json;
using Dapper;
using Npgsql;

namespace Platform.Api.Jobs;

/// <summary>Reads a job and its history on the primary (its changes are Platform.Jobs' lifecycle).</summary>
public sealed class JobQueries(NpgsqlDataSource db)
{
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

    private sealed record JobRow(Guid Id, string Type, Guid AssetId, string Status, int Attempts, string? Error, string? Result,
        DateTime CreatedAt, DateTime? StartedAt, DateTime? CompletedAt);
}
