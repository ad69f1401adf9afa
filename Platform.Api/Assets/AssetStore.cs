using Dapper;
using Npgsql;
using Platform.Api.Authorization;
using Platform.Jobs.Lifecycle;

namespace Platform.Api.Assets;

/// <summary>Asset records on the primary. A request's token bounds only the wait for a connection (Platform.Npgsql's README).</summary>
public sealed class AssetStore(NpgsqlDataSource db)
{
    private const string SelectAsset = """
        SELECT a.id, a.owner_id, a.file_name, a.status, a.size_bytes, a.declared_content_type, a.content_type, a.sha256,
               a.report_key IS NOT NULL AS has_report, a.attempts, a.error, a.created_at, a.processing_started_at, a.processed_at,
               (SELECT j.id FROM jobs j WHERE j.asset_id = a.id ORDER BY j.created_at DESC LIMIT 1) AS latest_job_id
        FROM assets a
        """;

    /// <summary>Only what the caller may see: their own, or everything for an admin (<see cref="Caller.OwnerFilter"/>).</summary>
    private const string Visible = "(@owner::text IS NULL OR a.owner_id = @owner)";

    public async Task<Asset?> FindAsync(Guid id, Caller caller, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Asset>(new CommandDefinition(
            $"{SelectAsset} WHERE a.id = @id AND {Visible}", new { id, owner = caller.OwnerFilter }));
    }

    public async Task<PaginatedItems<Asset>> ListAsync(int pageIndex, int pageSize, Caller caller, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var owner = caller.OwnerFilter;
        var count = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT count(*) FROM assets a WHERE {Visible}", new { owner }));
        var page = await connection.QueryAsync<Asset>(new CommandDefinition(
            $"{SelectAsset} WHERE {Visible} ORDER BY a.created_at DESC, a.id DESC LIMIT @pageSize OFFSET @offset",
            new { owner, pageSize, offset = (long)pageIndex * pageSize }));
        return new PaginatedItems<Asset>(pageIndex, pageSize, count, [.. page]);
    }

    /// <summary>The asset and its processing job, together or not at all.</summary>
    public async Task InsertWithJobAsync(NewAsset asset, Guid jobId, string jobType, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO assets (id, owner_id, file_name, declared_content_type, size_bytes, object_key) VALUES (@Id, @OwnerId, @FileName, @DeclaredContentType, @SizeBytes, @ObjectKey)",
            asset, transaction));
        await JobRecords.InsertAsync(connection, transaction, jobId, jobType, asset.Id);
        await transaction.CommitAsync();
    }

    /// <summary>Deletes the record (its jobs go with it) and returns its object keys, or null if there was none the caller may see.</summary>
    public async Task<ObjectKeys?> DeleteAsync(Guid id, Caller caller, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ObjectKeys>(new CommandDefinition(
            $"DELETE FROM assets a WHERE a.id = @id AND {Visible} RETURNING object_key, report_key", new { id, owner = caller.OwnerFilter }));
    }

    public async Task<ObjectKeys?> FindObjectKeysAsync(Guid id, Caller caller, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ObjectKeys>(new CommandDefinition(
            $"SELECT object_key, report_key FROM assets a WHERE a.id = @id AND {Visible}", new { id, owner = caller.OwnerFilter }));
    }
}
