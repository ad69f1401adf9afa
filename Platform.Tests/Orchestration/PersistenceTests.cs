using Npgsql;
using Platform.Hosting;
using Platform.Hosting.PostgreSQL;
using Platform.Hosting.Redis;
using Platform.Hosting.Testing;
using StackExchange.Redis;

namespace Platform.Tests.Orchestration;

/// <summary>Like Aspire's data volumes: data survives a restart of the graph, and --fresh starts clean.</summary>
public sealed class PersistenceTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("platform-persist-").FullName;

    [Fact]
    public async Task Data_is_kept_between_runs_and_fresh_starts_clean()
    {
        await using (var first = await StartAsync(fresh: false))
        {
            await SqlAsync(first, "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('from the first run')");
            await (await RedisAsync(first)).GetDatabase().StringSetAsync("kept", "from the first run");
        }

        await using (var second = await StartAsync(fresh: false))
        {
            Assert.Equal("from the first run", await SqlAsync(second, "SELECT value FROM kept"));
            Assert.Equal("from the first run", (string?)await (await RedisAsync(second)).GetDatabase().StringGetAsync("kept"));
        }

        await using (var third = await StartAsync(fresh: true))
        {
            Assert.Null(await SqlAsync(third, "SELECT to_regclass('kept')::text"));
            Assert.False(await (await RedisAsync(third)).GetDatabase().KeyExistsAsync("kept"));
        }
    }

    private async Task<DistributedApplication> StartAsync(bool fresh)
    {
        var builder = SmallGraphs.Create();
        builder.Configuration["Platform:DataDirectory"] = _dataDirectory;
        builder.Configuration["Platform:Fresh"] = fresh.ToString();
        builder.AddPostgres("pg").AddDatabase("db");
        builder.AddRedis("cache");
        var app = await builder.BuildAsync();
        await app.StartAsync();
        return app;
    }

    private static async Task<object?> SqlAsync(DistributedApplication app, string sql)
    {
        await using var connection = new NpgsqlConnection(await app.GetConnectionStringAsync("db"));
        await connection.OpenAsync();
        var result = await new NpgsqlCommand(sql, connection).ExecuteScalarAsync();
        return result is DBNull ? null : result;
    }

    private static async Task<ConnectionMultiplexer> RedisAsync(DistributedApplication app) =>
        await ConnectionMultiplexer.ConnectAsync((await app.GetConnectionStringAsync("cache"))!);

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);
}
