using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace Platform.StackExchange.Redis;

/// <summary>
/// Makes the connection while the host starts, before a web server takes requests. Made on first use instead, under
/// load, the synchronous connect blocks the first request's thread-pool thread while every other request waits for the
/// singleton, and the connect's own completion needs a thread-pool thread too: a restarted api under load never
/// answered again (issue 19's chaos run). The connect does not fail the start when Redis is down: it keeps retrying.
/// </summary>
internal sealed class ConnectAtStart(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<IConnectionMultiplexer>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
