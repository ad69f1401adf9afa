using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Eventing;
using Aspire.Hosting.Lifecycle;
using Microsoft.Extensions.Hosting;

namespace Platform.Hosting.Lifetime;

/// <summary>Something that follows every change of every resource while the application runs, from before the first
/// start until the application stops.</summary>
internal abstract class ResourceWatcher(ResourceNotificationService notifications, IHostApplicationLifetime lifetime) : IDistributedApplicationEventingSubscriber
{
    protected ResourceNotificationService Notifications => notifications;

    public Task SubscribeAsync(IDistributedApplicationEventing eventing, DistributedApplicationExecutionContext executionContext, CancellationToken cancellationToken)
    {
        if (executionContext.IsRunMode)
        {
            eventing.Subscribe<BeforeStartEvent>((_, _) =>
            {
                _ = WatchAsync(lifetime.ApplicationStopping);
                return Task.CompletedTask;
            });
        }
        return Task.CompletedTask;
    }

    /// <summary>Called for each change, one at a time, in order.</summary>
    protected abstract Task OnChangeAsync(ResourceEvent change, CancellationToken stopping);

    private async Task WatchAsync(CancellationToken stopping)
    {
        try
        {
            await foreach (var change in notifications.WatchAsync(stopping))
            {
                await OnChangeAsync(change, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }
}
