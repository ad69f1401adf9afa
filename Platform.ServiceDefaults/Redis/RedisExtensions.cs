using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Redis;
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

/// <summary>A Redis client with Aspire.StackExchange.Redis's configuration: <c>Aspire:StackExchange:Redis</c>, then <c>ConnectionStrings:{name}</c>.</summary>
public static class RedisExtensions
{
    public const string SectionName = "Aspire:StackExchange:Redis";

    /// <summary>Registers an <see cref="IConnectionMultiplexer"/> for <paramref name="connectionName"/> with its health check.
    /// It connects on first use and keeps retrying in the background instead of failing the service.</summary>
    public static IHostApplicationBuilder AddRedisClient(this IHostApplicationBuilder builder, string connectionName)
    {
        var settings = ClientSettings.Bind<StackExchangeRedisSettings>(builder.Configuration, SectionName, connectionName);
        var options = ConfigurationOptions.Parse(settings.ConnectionString!);
        options.AbortOnConnectFail = false;
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        if (!settings.DisableHealthChecks)
        {
            builder.Services.AddHealthChecks().AddRedis(provider => provider.GetRequiredService<IConnectionMultiplexer>(), $"StackExchange.Redis_{connectionName}");
        }
        return builder;
    }
}
