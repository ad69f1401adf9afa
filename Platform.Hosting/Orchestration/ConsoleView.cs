using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace Platform.Hosting.Orchestration;

/// <summary>
/// The AppHost's console: a live table of resources (state, health, endpoints, restarts) in a terminal;
/// one line per change when the output is redirected (CI, benchmarks).
/// </summary>
internal sealed class ConsoleView(ResourceNotificationService notifications, ConsoleViewMode mode) : BackgroundService
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(100);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => mode switch
    {
        ConsoleViewMode.Live => RenderLiveAsync(stoppingToken),
        ConsoleViewMode.Lines => PrintChangesAsync(stoppingToken),
        _ => Task.CompletedTask,
    };

    private async Task RenderLiveAsync(CancellationToken stoppingToken)
    {
        var version = 0;
        var watching = Task.Run(async () =>
        {
            await foreach (var _ in notifications.WatchAsync(stoppingToken))
            {
                Interlocked.Increment(ref version);
            }
        }, stoppingToken);
        await AnsiConsole.Live(Render([])).AutoClear(false).StartAsync(async context =>
        {
            var rendered = -1;
            while (!stoppingToken.IsCancellationRequested)
            {
                var current = Volatile.Read(ref version);
                if (current != rendered)
                {
                    context.UpdateTarget(Render(notifications.Snapshots));
                    rendered = current;
                }
                await Task.Delay(RefreshInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            context.UpdateTarget(Render(notifications.Snapshots));
        });
        await watching.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task PrintChangesAsync(CancellationToken stoppingToken)
    {
        var printed = new Dictionary<string, string>();
        try
        {
            await foreach (var snapshot in notifications.WatchAsync(stoppingToken))
            {
                if (snapshot.State == KnownResourceStates.NotStarted)
                {
                    continue;
                }
                var line = $"{snapshot.Name,-22} {snapshot.State,-13} {HealthText(snapshot.Health),-9} {string.Join(' ', snapshot.Urls)} {snapshot.Message}".TrimEnd();
                if (printed.GetValueOrDefault(snapshot.Name) != line)
                {
                    printed[snapshot.Name] = line;
                    Console.Out.WriteLine($"{DateTime.Now:HH:mm:ss.fff} {line}");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static Table Render(IEnumerable<ResourceSnapshot> snapshots)
    {
        var table = new Table().Border(TableBorder.Rounded).Expand()
            .AddColumns("[bold]Resource[/]", "[bold]Type[/]", "[bold]State[/]", "[bold]Health[/]", "[bold]Endpoints[/]", "[bold]Details[/]");
        foreach (var column in table.Columns.Take(4))
        {
            column.NoWrap();
        }
        var all = snapshots.ToList();
        foreach (var s in all)
        {
            table.AddRow(
                Markup.Escape(s.Name),
                Markup.Escape(s.ResourceType),
                StateMarkup(s.State) + (s.Restarts > 0 ? $" [yellow]({s.Restarts} restarts)[/]" : ""),
                HealthMarkup(s.Health),
                Markup.Escape(string.Join(Environment.NewLine, s.Urls)),
                Markup.Escape(Shorten(s.Message ?? (s.Replicas.Length > 1 ? $"{s.Replicas.Length} replicas" : ""))));
        }
        var healthy = all.Count(s => s.IsHealthy || s.State == KnownResourceStates.Finished);
        table.Caption(
            all.Count > 0 && all.All(s => KnownResourceStates.IsTerminal(s.State)) ? "Stopped."
            : healthy == all.Count && all.Count > 0 ? "[green]All resources are up.[/] Press Ctrl+C to stop."
            : $"{healthy} of {all.Count} resources up. Press Ctrl+C to stop.");
        return table;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";

    private static string HealthText(HealthStatus? health) => health?.ToString() ?? "";

    private static string StateMarkup(string state) => state switch
    {
        KnownResourceStates.Running or KnownResourceStates.Finished => $"[green]{state}[/]",
        KnownResourceStates.FailedToStart or KnownResourceStates.Exited => $"[red]{state}[/]",
        KnownResourceStates.Restarting => $"[yellow]{state}[/]",
        _ => $"[grey]{state}[/]",
    };

    private static string HealthMarkup(HealthStatus? health) => health switch
    {
        HealthStatus.Healthy => "[green]Healthy[/]",
        HealthStatus.Degraded => "[yellow]Degraded[/]",
        HealthStatus.Unhealthy => "[red]Unhealthy[/]",
        _ => "",
    };
}
