using System.Collections.Immutable;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.Hosting.Lifetime;

/// <summary>
/// Starts a resource marked <see cref="RestartOnFailureAnnotation"/> again when its process fails, after a pause that
/// doubles with each failure in a row (0.5 s up to 10 s) and starts over once it has run for a minute. A process that
/// exits with code 0 (its own decision, or a stop from the dashboard) stays stopped. Aspire leaves a failed executable
/// stopped; a local stack that recovers by itself is what the chaos tests and benchmarks rely on.
/// </summary>
internal sealed class RestartOnFailure(ResourceNotificationService notifications, ResourceCommandService commands,
    IHostApplicationLifetime lifetime, TimeProvider time, ILogger<RestartOnFailure> logger) : ResourceWatcher(notifications, lifetime)
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Settled = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, Instance> _instances = [];

    protected override Task OnChangeAsync(ResourceEvent change, CancellationToken stopping)
    {
        if (change.Resource.HasAnnotationOfType<RestartOnFailureAnnotation>() && Failed(change) is { } instance)
        {
            _ = RestartAsync(change.Resource, change.ResourceId, instance, stopping);
        }
        return Task.CompletedTask;
    }

    /// <summary>The instance, when this update is its process's failure (seen once per failure).</summary>
    private Instance? Failed(ResourceEvent update)
    {
        var state = update.Snapshot.State?.Text;
        if (!_instances.TryGetValue(update.ResourceId, out var instance))
        {
            _instances[update.ResourceId] = instance = new Instance();
        }
        var running = state == KnownResourceStates.Running;
        if (running && !instance.Running)
        {
            instance.StartedAt = time.GetUtcNow();
        }
        var failed = instance.Running && !running && update.Snapshot.ExitCode is not (null or 0)
            && (state == KnownResourceStates.Exited || state == KnownResourceStates.Finished);
        instance.Running = running;
        return failed ? instance : null;
    }

    private async Task RestartAsync(IResource resource, string resourceId, Instance instance, CancellationToken stopping)
    {
        instance.Failures = time.GetUtcNow() - instance.StartedAt > Settled ? 1 : instance.Failures + 1;
        instance.Restarts++;
        var pause = TimeSpan.FromTicks(Math.Min(LongestPause.Ticks, FirstPause.Ticks << Math.Min(instance.Failures - 1, 5)));
        logger.LogWarning("{Resource} failed; starting it again in {Pause} s (restart {Count}).", resourceId, pause.TotalSeconds, instance.Restarts);
        try
        {
            await Task.Delay(pause, time, stopping);
            await Notifications.PublishUpdateAsync(resource, resourceId, s => s with { Properties = WithRestarts(s.Properties, instance.Restarts) });
            var result = await commands.ExecuteCommandAsync(resourceId, KnownResourceCommands.StartCommand, stopping);
            if (!result.Success)
            {
                logger.LogError("Could not start {Resource} again: {Message}", resourceId, result.Message);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private static ImmutableArray<ResourcePropertySnapshot> WithRestarts(ImmutableArray<ResourcePropertySnapshot> properties, int restarts) =>
        [.. properties.Where(p => p.Name != RestartOnFailureAnnotation.RestartsProperty),
            new ResourcePropertySnapshot(RestartOnFailureAnnotation.RestartsProperty, restarts)];

    private sealed class Instance
    {
        public bool Running { get; set; }
        public DateTimeOffset StartedAt { get; set; }
        public int Failures { get; set; }
        public int Restarts { get; set; }
    }
}
