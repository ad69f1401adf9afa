using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Platform.Hosting.Orchestration;

namespace Platform.Hosting.Postgres;

/// <summary>A database has no process: once its server is healthy it is created (on a primary) and then checked by connecting to it.</summary>
internal sealed class PostgresDatabaseRunner : ILocalRunner
{
    public IEnumerable<NativeTool> RequiredTools => [];

    public async Task<ProcessSpec?> PrepareAsync(LocalRunContext context, CancellationToken cancellationToken)
    {
        var database = (PostgresDatabaseResource)context.Resource;
        if (database.Server is PostgresReplicaResource)
        {
            return null;
        }
        await using var connection = new NpgsqlConnection(await ConnectionStringAsync(database, "postgres", cancellationToken));
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection)
        {
            Parameters = { new() { Value = database.DatabaseName } },
        };
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            var name = new NpgsqlCommandBuilder().QuoteIdentifier(database.DatabaseName);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
            context.Log.Write($"[platform] created database {name} on '{database.Server.Name}'");
        }
        return null;
    }

    public async Task<HealthStatus> CheckHealthAsync(LocalRunContext context, CancellationToken cancellationToken)
    {
        var database = (PostgresDatabaseResource)context.Resource;
        await using var connection = new NpgsqlConnection(await ConnectionStringAsync(database, database.DatabaseName, cancellationToken));
        await connection.OpenAsync(cancellationToken);
        await using var ping = new NpgsqlCommand("SELECT 1", connection);
        await ping.ExecuteScalarAsync(cancellationToken);
        return HealthStatus.Healthy;
    }

    private static Task<string> ConnectionStringAsync(PostgresDatabaseResource database, string databaseName, CancellationToken cancellationToken) =>
        PostgresServerRunner.LocalConnectionStringAsync(database.Server, database.Server.PrimaryEndpoint.Allocated.Port, databaseName, cancellationToken);
}
