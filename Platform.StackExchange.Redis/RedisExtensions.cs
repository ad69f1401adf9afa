using Microsoft.Extensions.DependencyInjection;
using Platform.StackExchange.Redis;
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

public static class RedisExtensions
{
    /// <summary>
    /// Aspire's <c>AddRedisClient(name)</c> with <see cref="Resilient"/> options, connected while the host starts.
    /// Aspire's client connects on first use, synchronously; a service started under load (restarted after a crash) then
    /// connects on a request's thread while every other request waits for the same connection, and the thread pool
    /// starves: the api took 18 s to answer after a restart at 80 requests/s, 2.4 s without load (docs/benchmarks.md).
    /// Connected before the server listens, it answers as soon as it listens.
    /// </summary>
    public static void AddResilientRedisClient(this IHostApplicationBuilder builder, string connectionName)
    {
        builder.AddRedisClient(connectionName, configureOptions: Resilient);
        builder.Services.AddHostedService<RedisConnectAtStart>();
    }

    /// <summary>
    /// The connection options of both: the connection never fails the service, it keeps retrying in the background while
    /// Redis is down (connected while the host starts, a Redis restart would otherwise stop a service starting); replies
    /// are handled on the .NET thread pool instead of the client's own reader threads: one thread hand-off less per reply,
    /// which on a few busy cores is a large part of a small command's cost; these services call Redis asynchronously only.
    /// </summary>
    private static void Resilient(ConfigurationOptions options)
    {
        options.AbortOnConnectFail = false;
        options.SocketManager = SocketManager.ThreadPool;
    }

    /// <summary>Another connection with the same settings, for a command that holds its connection (a blocking read).</summary>
    public static async Task<IConnectionMultiplexer> ConnectAnotherAsync(this IConnectionMultiplexer redis)
    {
        var options = ConfigurationOptions.Parse(redis.Configuration);
        Resilient(options);
        return await ConnectionMultiplexer.ConnectAsync(options);
    }
}
