using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Platform.Hosting.PostgreSQL;

/// <summary>Real connections: a primary answers a query; a standby must also stream from its primary (cut off, it still
/// serves reads, but only degraded); a database accepts connections.</summary>
internal static class PostgresHealth
{
    public static async Task<HealthCheckResult> ServerAsync(PostgresServerResource server, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(await PostgresServerPreparation.LocalConnectionStringAsync(server, "postgres", cancellationToken));
        await connection.OpenAsync(cancellationToken);
        if (server is not PostgresReplicaResource)
        {
            await using var ping = new NpgsqlCommand("SELECT 1", connection);
            await ping.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        await using var command = new NpgsqlCommand(
            "SELECT pg_is_in_recovery(), EXISTS (SELECT 1 FROM pg_stat_wal_receiver WHERE status = 'streaming')", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return !reader.GetBoolean(0) ? HealthCheckResult.Unhealthy("not a standby")
            : reader.GetBoolean(1) ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded("not streaming from its primary");
    }

    public static async Task<HealthCheckResult> DatabaseAsync(PostgresDatabaseResource database, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(await PostgresServerPreparation.LocalConnectionStringAsync(database.Parent, database.DatabaseName, cancellationToken));
        await connection.OpenAsync(cancellationToken);
        await using var ping = new NpgsqlCommand("SELECT 1", connection);
        await ping.ExecuteScalarAsync(cancellationToken);
        return HealthCheckResult.Healthy();
    }
}
