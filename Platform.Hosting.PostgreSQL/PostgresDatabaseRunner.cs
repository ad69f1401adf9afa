using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Platform.Hosting.Orchestration;

namespace Platform.Hosting.PostgreSQL;

/// <summary>A database has no process: once its server is healthy it is created (on a primary) and then checked by connecting to it.</summary>
internal sealed class PostgresDatabaseRunner : ILocalRunner
{
    public IEnumerable<NativeTool> RequiredTools => [];

    public async Task<ProcessSpec?> PrepareAsync(LocalRunContext context, CancellationToken cancellationToken)
    {
        var database = (PostgresDatabaseResource)context.Resource;
        if (database.Server is not PostgresReplicaResource && await CreateAsync(database, cancellationToken))
        {
            context.Log.Write($"[platform] created database {database.DatabaseName} on '{database.Server.Name}'");
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

    /// <summary>Creates the database on its (primary) server unless it exists. Returns whether it was created.</summary>
    internal static async Task<bool> CreateAsync(PostgresDatabaseResource database, CancellationToken cancellationToken)
    {
        await using var server = await OpenServerAsync(database, cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", server)
        {
            Parameters = { new() { Value = database.DatabaseName } },
        };
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return false;
        }
        await CreateOnAsync(server, database, cancellationToken);
        return true;
    }

    /// <summary>Drops the database with everything in it (closing the connections still open to it) and creates it empty.</summary>
    internal static async Task RecreateAsync(PostgresDatabaseResource database, CancellationToken cancellationToken)
    {
        await using var server = await OpenServerAsync(database, cancellationToken);
        await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {QuotedName(database)} WITH (FORCE)", cancellationToken);
        await CreateOnAsync(server, database, cancellationToken);
    }

    private static Task CreateOnAsync(NpgsqlConnection server, PostgresDatabaseResource database, CancellationToken cancellationToken) =>
        ExecuteAsync(server, $"CREATE DATABASE {QuotedName(database)}", cancellationToken);

    private static async Task<NpgsqlConnection> OpenServerAsync(PostgresDatabaseResource database, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(await ConnectionStringAsync(database, "postgres", cancellationToken));
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string QuotedName(PostgresDatabaseResource database) => new NpgsqlCommandBuilder().QuoteIdentifier(database.DatabaseName);

    private static Task<string> ConnectionStringAsync(PostgresDatabaseResource database, string databaseName, CancellationToken cancellationToken) =>
        PostgresServerRunner.LocalConnectionStringAsync(database.Server, database.Server.PrimaryEndpoint.Allocated.Port, databaseName, cancellationToken);
}
