using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Amazon.S3.Model;
using Npgsql;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Platform.Hosting.PostgreSQL;
using Platform.AWSSDK.S3;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Graph;

[Collection("graph")]
public sealed class GraphTests(GraphFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public void Every_resource_of_the_AppHost_is_up()
    {
        var resources = fixture.Topology.Select(name => fixture.Resources[name]).ToList();

        Assert.Equal(
            ["api", "aspire-dashboard", "assets", "cache", "identity", "identity-setup", "identitydb", "identitydb-identity", "mail", "migrations", "pg",
                "pg-replica", "platformdb", "platformdb-analytics", "platformdb-api", "platformdb-replica", "platformdb-worker", "storage", "web", "worker"],
            resources.Select(s => s.Name).Order());
        string[] runOnce = ["migrations", "identity-setup"];
        Assert.All(resources.Where(s => !runOnce.Contains(s.Name)), s => Assert.True(s.IsHealthy, s.ToString()));
        Assert.All(resources.Where(s => runOnce.Contains(s.Name)), s => Assert.Equal((KnownResourceStates.Finished, 0), (s.State, s.ExitCode)));
    }

    [Fact]
    public async Task Api_health_reports_the_database_its_replica_the_cache_and_the_storage()
    {
        using var api = fixture.App.CreateHttpClient("api");

        var health = await api.GetFromJsonAsync<JsonElement>("/health");

        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        var entries = health.GetProperty("entries");
        // Aspire's client integrations name their checks by the client (one per service here); the replica's and the bucket's are Platform's.
        foreach (var check in new[] { "PostgreSql", "PostgreSql_platformdb-replica", "StackExchange.Redis", "S3_assets", "self" })
        {
            Assert.True(entries.TryGetProperty(check, out var entry), $"/health has no '{check}' entry: {entries}");
            Assert.Equal("Healthy", entry.GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task A_row_written_on_the_primary_is_read_back_from_the_replica()
    {
        var primary = await fixture.App.GetConnectionStringAsync("platformdb");
        var replica = await fixture.App.GetConnectionStringAsync("platformdb-replica");
        var marker = Guid.NewGuid();

        await using (var connection = new NpgsqlConnection(primary))
        {
            await connection.OpenAsync();
            await Execute(connection, "CREATE TABLE IF NOT EXISTS replication_probe (marker uuid PRIMARY KEY)");
            await Execute(connection, $"INSERT INTO replication_probe VALUES ('{marker}')");
        }

        await using var standby = new NpgsqlConnection(replica);
        await standby.OpenAsync();
        Assert.True((bool)(await new NpgsqlCommand("SELECT pg_is_in_recovery()", standby).ExecuteScalarAsync())!, "the replica is not a standby");
        await Eventually.TrueAsync(async () =>
            await new NpgsqlCommand($"SELECT to_regclass('replication_probe') IS NOT NULL AND EXISTS (SELECT 1 FROM replication_probe WHERE marker = '{marker}')", standby)
                .ExecuteScalarAsync() is true,
            Patience, "the row to reach the replica");
        var write = await Assert.ThrowsAsync<PostgresException>(() => Execute(standby, $"INSERT INTO replication_probe VALUES ('{Guid.NewGuid()}')"));
        Assert.Equal("25006", write.SqlState); // read_only_sql_transaction
    }

    [Fact]
    public async Task A_5_MB_object_round_trips_byte_exact_through_the_S3_client()
    {
        var connection = S3Connection.Parse((await fixture.App.GetConnectionStringAsync("assets"))!);
        using var s3 = connection.CreateClient();
        var content = RandomNumberGenerator.GetBytes(5 * 1024 * 1024);
        var key = $"round-trip/{Guid.NewGuid()}.bin";

        await s3.PutObjectAsync(new PutObjectRequest { BucketName = connection.BucketName, Key = key, InputStream = new MemoryStream(content) });
        using var response = await s3.GetObjectAsync(connection.BucketName, key);
        using var downloaded = new MemoryStream();
        await response.ResponseStream.CopyToAsync(downloaded);

        Assert.Equal(content.Length, downloaded.Length);
        Assert.Equal(SHA256.HashData(content), SHA256.HashData(downloaded.ToArray()));
    }

    [Fact]
    public async Task Killing_a_resource_process_makes_the_AppHost_start_it_again()
    {
        var before = fixture.Resources["cache"];
        var pid = Assert.Single(before.ProcessIds);

        Assert.True(Signals.Send(pid, Signal.Kill));

        var after = await fixture.Resources.WaitAsync("cache", s => s.Restarts > before.Restarts && s.IsHealthy, Patience, "cache to be started again");
        Assert.NotEqual(pid, Assert.Single(after.ProcessIds));
        Assert.False(ProcessTree.IsAlive(pid));
    }

    [Fact]
    public async Task Worker_runs_two_replicas_behind_one_address()
    {
        var worker = fixture.Resources["worker"];

        Assert.Equal(2, worker.Instances.Count);
        Assert.Equal(2, worker.ProcessIds.Distinct().Count());
        using var client = fixture.App.CreateHttpClient("worker");
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        }
    }

    [Fact]
    public async Task Resetting_a_replica_database_is_refused_with_where_to_reset_instead()
    {
        var replica = await Assert.ThrowsAsync<ArgumentException>(() => fixture.App.ResetDatabaseAsync("platformdb-replica"));

        Assert.Contains("not a database on a PostgreSQL primary", replica.Message);
        Assert.True(fixture.Resources["api"].IsHealthy);
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
