using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Orchestration;

/// <summary>The live state of every resource: read it, watch it, or wait for a resource to reach a state.</summary>
public sealed class ResourceNotificationService(DistributedApplicationModel model)
{
    private readonly ConcurrentDictionary<string, ResourceSnapshot> _snapshots = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Channel<ResourceSnapshot>> _watchers = [];
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = NewSignal();

    public IReadOnlyCollection<ResourceSnapshot> Snapshots => [.. _snapshots.Values.OrderBy(s => s.Name, StringComparer.Ordinal)];

    public ResourceSnapshot GetSnapshot(string resourceName) =>
        _snapshots.TryGetValue(model.Find(resourceName).Name, out var snapshot)
            ? snapshot
            : throw new ArgumentException($"Resource '{resourceName}' does not run locally (it is a value, such as a parameter).", nameof(resourceName));

    internal void Publish(ResourceSnapshot snapshot)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _snapshots[snapshot.Name] = snapshot;
            foreach (var watcher in _watchers)
            {
                watcher.Writer.TryWrite(snapshot);
            }
            changed = _changed;
            _changed = NewSignal();
        }
        changed.TrySetResult();
    }

    /// <summary>Every current snapshot, then each change as it happens.</summary>
    public async IAsyncEnumerable<ResourceSnapshot> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateUnbounded<ResourceSnapshot>();
        lock (_gate)
        {
            foreach (var snapshot in Snapshots)
            {
                channel.Writer.TryWrite(snapshot);
            }
            _watchers.Add(channel);
        }
        try
        {
            await foreach (var snapshot in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return snapshot;
            }
        }
        finally
        {
            lock (_gate)
            {
                _watchers.Remove(channel);
            }
        }
    }

    public async Task<ResourceSnapshot> WaitForResourceAsync(string resourceName, Func<ResourceSnapshot, bool> predicate, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }
            var snapshot = GetSnapshot(resourceName);
            if (predicate(snapshot))
            {
                return snapshot;
            }
            await changed.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Waits until the resource is running and healthy; throws if it fails or stops instead.</summary>
    public async Task<ResourceSnapshot> WaitForResourceHealthyAsync(string resourceName, CancellationToken cancellationToken = default)
    {
        var snapshot = await WaitForResourceAsync(resourceName, s => s.IsHealthy || KnownResourceStates.IsTerminal(s.State), cancellationToken);
        return snapshot.IsHealthy
            ? snapshot
            : throw new DistributedApplicationException(
                $"Resource '{snapshot.Name}' will not become healthy: it is {snapshot.State}{(snapshot.Message is null ? "" : $" ({snapshot.Message})")}.");
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
