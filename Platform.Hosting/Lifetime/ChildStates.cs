using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Eventing;
using Aspire.Hosting.Lifecycle;
using Microsoft.Extensions.Hosting;

namespace Platform.Hosting.Lifetime;

/// <summary>
/// A resource with no process of its own (a database, a bucket) takes the state of the native process it belongs to, as
/// Aspire does for a container's children; its own health checks then say whether it is ready.
/// </summary>
internal sealed class ChildStates(ResourceNotificationService notifications, DistributedApplicationModel model, IHostApplicationLifetime lifetime)
    : IDistributedApplicationEventingSubscriber
{
    public Task SubscribeAsync(IDistributedApplicationEventing eventing, DistributedApplicationExecutionContext executionContext, CancellationToken cancellationToken)
    {
        if (executionContext.IsRunMode)
        {
            eventing.Subscribe<BeforeStartEvent>((_, _) =>
            {
                _ = FollowAsync(lifetime.ApplicationStopping);
                return Task.CompletedTask;
            });
        }
        return Task.CompletedTask;
    }

    private async Task FollowAsync(CancellationToken stopping)
    {
        var children = model.Resources.OfType<IResourceWithParent>()
            .Where(child => child.Parent is ExecutableResource parent && parent.HasAnnotationOfType<Processes.NativeProcessAnnotation>())
            .ToLookup(child => child.Parent);
        try
        {
            await foreach (var update in notifications.WatchAsync(stopping))
            {
                foreach (var child in children[update.Resource])
                {
                    var parent = update.Snapshot;
                    await notifications.PublishUpdateAsync(child, s => s.State?.Text == parent.State?.Text ? s : s with
                    {
                        State = parent.State,
                        StartTimeStamp = parent.StartTimeStamp,
                        StopTimeStamp = parent.StopTimeStamp,
                    });
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }
}
