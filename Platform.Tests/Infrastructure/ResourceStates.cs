using System.Collections.Concurrent;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Hosting.Lifetime;

namespace Platform.Tests.Infrastructure;

/// <summary>A resource as a test sees it: every instance's latest state, from Aspire's notifications.</summary>
internal sealed record ResourceState(string Name, IReadOnlyList<CustomResourceSnapshot> Instances)
{
    public string? State => Instances.FirstOrDefault()?.State?.Text;

    public int? ExitCode => Instances.FirstOrDefault()?.ExitCode;

    public bool IsHealthy => Instances.Count > 0 && Instances.All(i => i.State?.Text == KnownResourceStates.Running && i.HealthStatus == HealthStatus.Healthy);

    /// <summary>The process of each instance that DCP started.</summary>
    public IReadOnlyList<int> ProcessIds => [.. Instances.Select(i => i.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value).OfType<int>()];

    /// <summary>How often the AppHost started a failed instance again (Platform.Hosting's restart on failure).</summary>
    public int Restarts => Instances.Sum(i => i.Properties.FirstOrDefault(p => p.Name == RestartOnFailureAnnotation.RestartsProperty)?.Value is int n ? n : 0);

    public override string ToString() => $"{Name}: {string.Join(", ", Instances.Select(i => $"{i.State?.Text}/{i.HealthStatus}"))}";
}

/// <summary>Follows every resource instance of a running application, so that tests can read them all at once.</summary>
internal sealed class ResourceStates : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ResourceEvent> _instances = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _watch;

    public ResourceStates(DistributedApplication app) => _watch = WatchAsync(app.ResourceNotifications, _stop.Token);

    public ResourceState this[string name] =>
        new(name, [.. _instances.Values.Where(e => e.Resource.Name == name).OrderBy(e => e.ResourceId).Select(e => e.Snapshot)]);

    public IReadOnlyList<ResourceState> All =>
        [.. _instances.Values.GroupBy(e => e.Resource.Name).Select(g => this[g.Key])];

    /// <summary>Waits until <paramref name="predicate"/> holds for the resource.</summary>
    public async Task<ResourceState> WaitAsync(string name, Func<ResourceState, bool> predicate, TimeSpan patience, string what)
    {
        var state = this[name];
        await Eventually.TrueAsync(() => predicate(state = this[name]), patience, $"{what} (last: {state})");
        return state;
    }

    private async Task WatchAsync(ResourceNotificationService notifications, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var update in notifications.WatchAsync(cancellationToken))
            {
                _instances[update.ResourceId] = update;
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _watch;
        _stop.Dispose();
    }
}
