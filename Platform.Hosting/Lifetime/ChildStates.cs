using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Hosting;

namespace Platform.Hosting.Lifetime;

/// <summary>
/// A resource with no process of its own (a database, a bucket) takes the state of the native process it belongs to, as
/// Aspire does for a container's children; its own health checks then say whether it is ready.
/// </summary>
internal sealed class ChildStates(ResourceNotificationService notifications, DistributedApplicationModel model, IHostApplicationLifetime lifetime)
    : ResourceWatcher(notifications, lifetime)
{
    private readonly ILookup<IResource, IResourceWithParent> _children = model.Resources.OfType<IResourceWithParent>()
        .Where(child => child.Parent is ExecutableResource parent && parent.HasAnnotationOfType<Processes.NativeProcessAnnotation>())
        .ToLookup(child => child.Parent);

    protected override async Task OnChangeAsync(ResourceEvent change, CancellationToken stopping)
    {
        var parent = change.Snapshot;
        foreach (var child in _children[change.Resource])
        {
            await Notifications.PublishUpdateAsync(child, s => s.State?.Text == parent.State?.Text ? s : s with
            {
                State = parent.State,
                StartTimeStamp = parent.StartTimeStamp,
                StopTimeStamp = parent.StopTimeStamp,
            });
        }
    }
}
