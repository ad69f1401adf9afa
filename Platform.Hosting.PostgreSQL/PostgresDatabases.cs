using Npgsql;

namespace Platform.Hosting.PostgreSQL;

/// <summary>Creating and emptying a primary's databases; a replica's copies follow by replication.</summary>
internal static class PostgresDatabases
{
    /// <summary>Creates the database on its (primary) server unless it exists. Returns whether it was created.</summary>
    public static async Task<bool> CreateAsync(PostgresDatabaseResource database, CancellationToken cancellationToken)
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
        await ExecuteAsync(server, $"CREATE DATABASE {QuotedName(database)}", cancellationToken);
        return true;
    }

    /// <summary>Drops the database with everything in it (closing the connections still open to it) and creates it empty.</summary>
    public static async Task RecreateAsync(PostgresDatabaseResource database, CancellationToken cancellationToken)
    {
        await using var server = await OpenServerAsync(database, cancellationToken);
        await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {QuotedName(database)} WITH (FORCE)", cancellationToken);
        await ExecuteAsync(server, $"CREATE DATABASE {QuotedName(database)}", cancellationToken);
    }

    private static async Task<NpgsqlConnection> OpenServerAsync(PostgresDatabaseResource database, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(await PostgresServerPreparation.LocalConnectionStringAsync(database.Parent, "postgres", cancellationToken));
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
}
