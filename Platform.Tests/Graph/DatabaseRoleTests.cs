using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Npgsql;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Graph;

/// <summary>Each service signs in to PostgreSQL as its own role, which may do only what that service needs.</summary>
[Collection("graph")]
public sealed class DatabaseRoleTests(GraphFixture fixture)
{
    private const string InsufficientPrivilege = "42501";

    [Fact]
    public async Task Each_service_is_connected_as_its_own_role()
    {
        using var api = fixture.App.CreateHttpClient("api");
        await Eventually.TrueAsync(async () =>
            {
                // A health check makes the api use both its pools; the worker and identity keep theirs open.
                await api.GetAsync("/health");
                var onPrimary = await SessionUsersAsync("platformdb");
                var onReplica = await SessionUsersAsync("platformdb-replica");
                return new[] { "api", "worker", "identity" }.All(onPrimary.Contains) && onReplica.Contains("analytics");
            },
            TimeSpan.FromSeconds(30), "api, worker and identity sessions on the primary, analytics on the replica (pg_stat_activity.usename)");
    }

    [Fact]
    public async Task The_api_role_cannot_open_the_identity_database()
    {
        var login = new NpgsqlConnectionStringBuilder(await fixture.App.GetConnectionStringAsync("platformdb-api")) { Database = "identitydb", Pooling = false };

        await using var connection = new NpgsqlConnection(login.ConnectionString);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => connection.OpenAsync());

        Assert.Equal(InsufficientPrivilege, refused.SqlState);
        Assert.Contains("identitydb", refused.MessageText);
    }

    [Fact]
    public async Task The_worker_role_can_change_rows_but_cannot_drop_a_table()
    {
        await using var worker = await OpenAsync("platformdb-worker");
        Assert.Equal(0, await ExecuteAsync(worker, "UPDATE assets SET attempts = attempts WHERE false"));

        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(worker, "DROP TABLE assets"));
        Assert.Equal(InsufficientPrivilege, refused.SqlState);
    }

    [Fact]
    public async Task The_analytics_role_only_reads_even_on_the_primary()
    {
        var primary = new NpgsqlConnectionStringBuilder(await fixture.App.GetConnectionStringAsync("platformdb"));
        var analytics = new NpgsqlConnectionStringBuilder(await fixture.App.GetConnectionStringAsync("platformdb-analytics"))
        {
            Host = primary.Host,
            Port = primary.Port,
            Pooling = false,
        };
        await using var connection = new NpgsqlConnection(analytics.ConnectionString);
        await connection.OpenAsync();

        Assert.Equal(0L, await new NpgsqlCommand("SELECT count(*) FROM assets WHERE false", connection).ExecuteScalarAsync());
        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, "DELETE FROM jobs"));
        Assert.Equal(InsufficientPrivilege, refused.SqlState);
    }

    /// <summary>The roles with a session on the server of <paramref name="connectionName"/>.</summary>
    private async Task<HashSet<string>> SessionUsersAsync(string connectionName)
    {
        await using var master = await OpenAsync(connectionName);
        await using var command = new NpgsqlCommand("SELECT DISTINCT usename FROM pg_stat_activity WHERE backend_type = 'client backend'", master);
        await using var reader = await command.ExecuteReaderAsync();
        var users = new HashSet<string>();
        while (await reader.ReadAsync())
        {
            users.Add(reader.GetString(0));
        }
        return users;
    }

    private async Task<NpgsqlConnection> OpenAsync(string connectionName)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(await fixture.App.GetConnectionStringAsync(connectionName)) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }
}
