using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Platform.Hosting;

/// <summary>The host of an application that could not be built: starting it raises the reason.</summary>
internal sealed class FailedHost(DistributedApplicationException reason) : IHost
{
    public IServiceProvider Services { get; } = new ServiceCollection().BuildServiceProvider();

    public Task StartAsync(CancellationToken cancellationToken = default) => Task.FromException(reason);

    public Task StopAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public void Dispose()
    {
    }
}
