using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.Hosting.Lifetime;

/// <summary>
/// The run's progress on the AppHost's console, which Aspire leaves to the dashboard: a line when each resource is
/// ready (healthy, or finished for a run-once step), a line with the last lines of its output when one fails, and
/// <c>All N resources are up after S s.</c> once the whole graph is, which scripts and benchmarks wait for.
/// </summary>
internal sealed class StartupReport(ResourceNotificationService notifications, ResourceLoggerService logs, DistributedApplicationModel model,
    IHostApplicationLifetime lifetime, ILogger<StartupReport> logger) : ResourceWatcher(notifications, lifetime)
{
    public const string AllUp = "resources are up after";
    private const int FailureLines = 20;

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly HashSet<string> _waiting = model.Resources.Where(r => r is not ParameterResource && !r.HasAnnotationOfType<ExplicitStartupAnnotation>())
        .Select(r => r.Name).ToHashSet();
    private readonly HashSet<string> _failed = [];
    private int? _total;

    protected override async Task OnChangeAsync(ResourceEvent change, CancellationToken stopping)
    {
        _total ??= _waiting.Count;
        var state = change.Snapshot.State?.Text;
        var name = change.Resource.Name;
        if (IsReady(change.Snapshot) && _waiting.Remove(name))
        {
            logger.LogInformation("{Resource} is {State} ({Seconds:0.0} s).", name, state == KnownResourceStates.Running ? "healthy" : state?.ToLowerInvariant(), _clock.Elapsed.TotalSeconds);
            if (_waiting.Count == 0)
            {
                logger.LogInformation("All {Count} " + AllUp + " {Seconds:0.0} s.", _total, _clock.Elapsed.TotalSeconds);
            }
        }
        else if (IsFailure(change.Snapshot) && _waiting.Contains(name) && _failed.Add(change.ResourceId))
        {
            logger.LogError("{Resource} did not start ({State}, exit code {ExitCode}). Its last output:{NewLine}{Output}",
                change.ResourceId, state, change.Snapshot.ExitCode, Environment.NewLine, await LastLinesAsync(change.Resource));
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
