using System.Diagnostics;
using Npgsql;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Platform.Tests.Graph;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Workload;

/// <summary>The migration step on a database of its own, made for the test on the graph's server.</summary>
[Collection("graph")]
public sealed class MigrationTests(GraphFixture fixture) : IAsyncLifetime
{
    private readonly string _database = $"migrations_{Guid.NewGuid():N}";
    private NpgsqlConnectionStringBuilder _server = null!;

    public async Task InitializeAsync()
    {
        _server = new NpgsqlConnectionStringBuilder(await fixture.App.GetConnectionStringAsync("platformdb"));
        // template0: the services keep connections open to platformdb, and PostgreSQL copies only an unused template.
        await ExecuteAsync("postgres", $"CREATE DATABASE {_database} TEMPLATE template0");
    }

    public async Task DisposeAsync() => await ExecuteAsync("postgres", $"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");

    [Fact]
    public async Task Migrations_create_the_schema_once_and_a_second_run_changes_nothing()
    {
        var first = await RunMigrationsAsync();
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("0002_assets_and_jobs.sql", first.Output);

        var second = await RunMigrationsAsync();
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("(0 new scripts applied)", second.Output);
        await using var connection = new NpgsqlConnection(ConnectionString(_database));
        await connection.OpenAsync();
        await using var tables = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_name IN ('assets', 'jobs', 'job_events')", connection);
        Assert.Equal(3L, await tables.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_failing_migration_exits_non_zero_and_names_the_script()
    {
        // A table in the way with an incompatible shape: the index on assets(created_at) cannot be built.
        await ExecuteAsync(_database, "CREATE TABLE assets (id uuid PRIMARY KEY)");

        var run = await RunMigrationsAsync();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("migration '", run.Error);
        Assert.Contains("0002_assets_and_jobs.sql", run.Error);
    }

    private async Task<(int ExitCode, string Output, string Error)> RunMigrationsAsync()
    {
        var start = new ProcessStartInfo("dotnet", [BuildOutputs.Of("Platform.Migrations")]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ConnectionStrings__platformdb"] = ConnectionString(_database);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    private string ConnectionString(string database) => new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Database = database }.ConnectionString;

    private async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
