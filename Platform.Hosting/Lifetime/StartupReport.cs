using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Eventing;
using Aspire.Hosting.Lifecycle;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.Hosting.Lifetime;

/// <summary>
/// The run's progress on the AppHost's console, which Aspire leaves to the dashboard: a line when each resource is
/// ready (healthy, or finished for a run-once step), a line with the last lines of its output when one fails, and
/// <c>All N resources are up after S s.</c> once the whole graph is, which scripts and benchmarks wait for.
/// </summary>
internal sealed class StartupReport(ResourceNotificationService notifications, ResourceLoggerService logs, DistributedApplicationModel model,
    IHostApplicationLifetime lifetime, ILogger<StartupReport> logger) : IDistributedApplicationEventingSubscriber
{
    public const string AllUp = "resources are up after";
    private const int FailureLines = 20;

    public Task SubscribeAsync(IDistributedApplicationEventing eventing, DistributedApplicationExecutionContext executionContext, CancellationToken cancellationToken)
    {
        if (executionContext.IsRunMode)
        {
            eventing.Subscribe<BeforeStartEvent>((_, _) =>
            {
                _ = ReportAsync(Stopwatch.StartNew(), lifetime.ApplicationStopping);
                return Task.CompletedTask;
            });
        }
        return Task.CompletedTask;
    }

    private async Task ReportAsync(Stopwatch clock, CancellationToken stopping)
    {
        var waiting = model.Resources.Where(r => r is not ParameterResource && !r.HasAnnotationOfType<ExplicitStartupAnnotation>())
            .Select(r => r.Name).ToHashSet();
        var total = waiting.Count;
        var failed = new HashSet<string>();
        try
        {
            await foreach (var update in notifications.WatchAsync(stopping))
            {
                var state = update.Snapshot.State?.Text;
                var name = update.Resource.Name;
                if (IsReady(update.Snapshot) && waiting.Remove(name))
                {
                    logger.LogInformation("{Resource} is {State} ({Seconds:0.0} s).", name, state == KnownResourceStates.Running ? "healthy" : state?.ToLowerInvariant(), clock.Elapsed.TotalSeconds);
                    if (waiting.Count == 0)
                    {
                        logger.LogInformation("All {Count} " + AllUp + " {Seconds:0.0} s.", total, clock.Elapsed.TotalSeconds);
                    }
                }
                else if (IsFailure(update.Snapshot) && waiting.Contains(name) && failed.Add(update.ResourceId))
                {
                    logger.LogError("{Resource} did not start ({State}, exit code {ExitCode}). Its last output:{NewLine}{Output}",
                        update.ResourceId, state, update.Snapshot.ExitCode, Environment.NewLine, await LastLinesAsync(update.Resource));
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private static bool IsReady(CustomResourceSnapshot snapshot) =>
        snapshot.State?.Text == KnownResourceStates.Running && snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy
        || snapshot.State?.Text == KnownResourceStates.Finished && snapshot.ExitCode == 0;

    private static bool IsFailure(CustomResourceSnapshot snapshot) =>
        snapshot.State?.Text == KnownResourceStates.FailedToStart
        || KnownResourceStates.TerminalStates.Contains(snapshot.State?.Text) && snapshot.ExitCode is not (null or 0);

    private async Task<string> LastLinesAsync(IResource resource)
    {
        var tail = new Queue<string>();
        await foreach (var batch in logs.GetAllAsync(resource))
        {
            foreach (var line in batch)
            {
                tail.Enqueue("  " + line.Content);
                if (tail.Count > FailureLines)
                {
                    tail.Dequeue();
                }
            }
        }
        return string.Join(Environment.NewLine, tail);
    }
}
