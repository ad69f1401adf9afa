using Microsoft.Extensions.DependencyInjection;
using Platform.Clients;
using Platform.StackExchange.Redis;
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

/// <summary>A Redis client with Aspire.StackExchange.Redis's configuration: <c>Aspire:StackExchange:Redis</c>, then <c>ConnectionStrings:{name}</c>.</summary>
public static class RedisExtensions
{
    public const string SectionName = "Aspire:StackExchange:Redis";

    /// <summary>Registers an <see cref="IConnectionMultiplexer"/> for <paramref name="connectionName"/> with its health check.
    /// It connects while the host starts (<see cref="ConnectAtStart"/>) and keeps retrying in the background instead of
    /// failing the service.</summary>
    public static IHostApplicationBuilder AddRedisClient(this IHostApplicationBuilder builder, string connectionName)
    {
        var settings = ClientSettings.Bind<StackExchangeRedisSettings>(builder.Configuration, SectionName, connectionName);
        var options = OptionsFor(settings.ConnectionString!);
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        builder.Services.AddHostedService<ConnectAtStart>();
        if (!settings.DisableHealthChecks)
        {
            builder.Services.AddHealthChecks().AddRedis(provider => provider.GetRequiredService<IConnectionMultiplexer>(), $"StackExchange.Redis_{connectionName}");
        }
        return builder;
    }

    /// <summary>Another connection with the same settings, for a command that holds its connection (a blocking read).</summary>
    public static async Task<IConnectionMultiplexer> ConnectAnotherAsync(this IConnectionMultiplexer redis) =>
        await ConnectionMultiplexer.ConnectAsync(OptionsFor(redis.Configuration));

    private static ConfigurationOptions OptionsFor(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        // Replies are handled on the .NET thread pool instead of the client's own reader threads: one thread hand-off
        // less per reply, which on a few busy cores is a large part of a small command's cost. The client's own
        // threads guard against a pool starved by synchronous calls, and these services call Redis asynchronously.
        options.SocketManager = SocketManager.ThreadPool;
        return options;
    }
}
