using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

public static class RedisExtensions
{
    /// <summary>
    /// Connection options for Aspire's <c>AddRedisClient(name, configureOptions: RedisExtensions.Resilient)</c>. The
    /// connection never fails the service: it keeps retrying in the background while Redis is down (Aspire's client
    /// connects while the host starts, so a Redis restart would otherwise stop a service starting). Replies are handled
    /// on the .NET thread pool instead of the client's own reader threads: one thread hand-off less per reply, which on a
    /// few busy cores is a large part of a small command's cost; these services call Redis asynchronously only.
    /// </summary>
    public static void Resilient(ConfigurationOptions options)
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
