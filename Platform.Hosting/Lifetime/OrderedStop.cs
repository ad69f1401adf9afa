using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.Hosting.Lifetime;

/// <summary>
/// Stops the graph the way it started, backwards, before Aspire stops DCP and the dashboard: a resource stops once
/// everything that waits for it or uses it has stopped (the services, then the read replica, then the servers), while the
/// dashboard still takes the services' last telemetry. Left to DCP, everything stops at once: the services then spend
/// seconds retrying the export of their last telemetry to a dashboard already gone, and PostgreSQL waits for their
/// sessions and its replica to end (measured in docs/benchmarks.md). Registered after Aspire's own hosted services, so
/// it stops before them.
/// </summary>
internal sealed class OrderedStop(DistributedApplicationModel model, ResourceCommandService commands, ResourceNotificationService notifications,
    ILogger<OrderedStop> logger) : IHostedService
{
    /// <summary>How long each stage may take; what is left then is DCP's to stop.</summary>
    private static readonly TimeSpan StagePatience = TimeSpan.FromSeconds(5);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var stage in Stages())
        {
            using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            patience.CancelAfter(StagePatience);
            try
            {
                await Task.WhenAll(stage.Select(resource => StopAsync(resource, patience.Token)));
            }
            catch (Exception e) when (e is OperationCanceledException or InvalidOperationException)
            {
                logger.LogDebug(e, "Not every resource stopped in order; DCP stops the rest.");
                return;
            }
        }
    }

    /// <summary>Stops the resource and waits until its process has ended (the command returns when DCP took the request).</summary>
    private async Task StopAsync(IResource resource, CancellationToken cancellationToken)
    {
        await commands.ExecuteCommandAsync(resource, KnownResourceCommands.StopCommand, cancellationToken);
        await notifications.WaitForResourceAsync(resource.Name, KnownResourceStates.TerminalStates, cancellationToken);
    }

    /// <summary>The processes of the graph, in the order they may stop: each stage is what nothing left still uses.</summary>
    private IEnumerable<IReadOnlyList<IResource>> Stages()
    {
        var left = model.Resources.Where(r => r is ProjectResource || r.HasAnnotationOfType<Processes.NativeProcessAnnotation>()).ToHashSet();
        var uses = left.ToDictionary(r => r, r => Dependencies(r).Where(left.Contains).ToHashSet());
        while (left.Count > 0)
        {
            var stage = left.Where(r => !left.Any(other => uses[other].Contains(r))).ToList();
            if (stage.Count == 0)
            {
                yield return [.. left]; // A cycle (the graph refuses them at start): the rest at once.
                yield break;
            }
            left.ExceptWith(stage);
            yield return stage;
        }
    }

    /// <summary>The processes a resource waits for or references; a database or bucket stands for its server.</summary>
    private static IEnumerable<IResource> Dependencies(IResource resource) =>
        resource.Annotations.OfType<WaitAnnotation>().Select(w => w.Resource)
            .Concat(resource.Annotations.OfType<ResourceRelationshipAnnotation>().Select(r => r.Resource))
            .Select(dependency => dependency is IResourceWithParent child ? child.Parent : dependency);
}
