using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace Platform.StackExchange.Redis;

/// <summary>Makes the Redis connection before the server listens (hosted services start first), on the host's own
/// thread rather than a request's (<see cref="RedisExtensions.AddResilientRedisClient"/>).</summary>
internal sealed class RedisConnectAtStart(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<IConnectionMultiplexer>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
