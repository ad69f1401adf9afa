using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Hosting.Orchestration;
using static Platform.Hosting.Dashboard.Pages.Html;

namespace Platform.Hosting.Dashboard.Pages;

/// <summary>Every resource with its state, health, endpoints, replicas, restarts and commands; then the graph.</summary>
internal static class ResourcesPage
{
    public static string Content(IReadOnlyCollection<ResourceSnapshot> snapshots, string graph) => $"""
        <div data-refresh="/fragments/resources" data-interval="1000">{Table(snapshots)}</div>
        <h2>Graph</h2>
        <div class="graph" data-refresh="/fragments/graph" data-interval="2000">{graph}</div>
        """;

    public static string Table(IReadOnlyCollection<ResourceSnapshot> snapshots)
    {
        var up = snapshots.Count(s => s.IsHealthy || s.State == KnownResourceStates.Finished);
        return $"""
            <p class="summary">{(up == snapshots.Count ? "All resources are up." : $"{up} of {snapshots.Count} resources up.")}</p>
            <table class="grid resources">
            <thead><tr><th>Name</th><th>Type</th><th>State</th><th>Health</th><th>Started</th><th>Endpoints</th><th>Replicas</th><th>Restarts</th><th>Actions</th></tr></thead>
            <tbody>
            {string.Concat(snapshots.Select(Row))}
            </tbody>
            </table>
            """;
    }

    private static string Row(ResourceSnapshot s) => $"""
        <tr data-resource="{Encode(s.Name)}" data-state="{Encode(s.State)}">
          <td><span class="dot" style="--c:{ColorOf(s.Name)}"></span><strong>{Encode(s.Name)}</strong></td>
          <td>{Encode(s.ResourceType)}</td>
          <td>{State(s)}</td>
          <td>{Health(s.Health)}</td>
          <td>{Time(s.StartedAt)}</td>
          <td>{string.Join("<br>", s.Urls.Select(u => $"""<a href="{Encode(u)}" target="_blank" rel="noopener">{Encode(u)}</a>"""))}</td>
          <td>{Replicas(s)}</td>
          <td>{s.Restarts}</td>
          <td class="actions">{Actions(s)}</td>
        </tr>
        """;

    private static string State(ResourceSnapshot s)
    {
        var text = s.State == KnownResourceStates.Waiting && s.WaitingFor.Length > 0
            ? $"Waiting for {string.Join(", ", s.WaitingFor)}"
            : s.State;
        var detail = s.State == KnownResourceStates.Waiting ? null : s.Message;
        return $"""<span class="badge state-{Encode(s.State.ToLowerInvariant())}" title="{Encode(detail)}">{Encode(text)}</span>"""
            + (detail is null || s.State == KnownResourceStates.Running ? "" : $"""<div class="detail">{Encode(detail.Length > 160 ? detail[..157] + "..." : detail)}</div>""");
    }

    private static string Health(HealthStatus? health) => health switch
    {
        HealthStatus.Healthy => """<span class="badge ok">Healthy</span>""",
        HealthStatus.Degraded => """<span class="badge warn">Degraded</span>""",
        HealthStatus.Unhealthy => """<span class="badge bad">Unhealthy</span>""",
        _ => "",
    };

    private static string Replicas(ResourceSnapshot s)
    {
        if (s.Replicas.Length <= 1)
        {
            return s.ProcessIds.Any() ? $"""<span class="muted">pid {s.ProcessIds.First()}</span>""" : "";
        }
        var running = s.Replicas.Count(r => r.State == KnownResourceStates.Running);
        return $"""<details><summary>{running}/{s.Replicas.Length} running</summary>"""
            + string.Concat(s.Replicas.Select(r => $"""<div class="muted">#{r.Index}: {Encode(r.State)} {Encode(r.Health?.ToString())} {(r.ProcessId is { } pid ? $"pid {pid}" : "")} {Encode(r.Url)}</div>"""))
            + "</details>";
    }

    private static string Actions(ResourceSnapshot s)
    {
        var console = $"""<a class="button subtle" href="/consolelogs/{Url(s.Name)}" title="Console logs">Console</a>""";
        if (s.State == KnownResourceStates.Stopping)
        {
            return console;
        }
        var active = s.State is KnownResourceStates.Starting or KnownResourceStates.Running or KnownResourceStates.Waiting or KnownResourceStates.Restarting;
        return console + (active
            ? Command(s.Name, KnownResourceCommands.StopCommand, "Stop", "Stopping…") + Command(s.Name, KnownResourceCommands.RestartCommand, "Restart", "Restarting…")
            : Command(s.Name, KnownResourceCommands.StartCommand, "Start", "Starting…"));
    }

    private static string Command(string resource, string command, string label, string busy) =>
        $"""<button class="command" data-resource="{Encode(resource)}" data-command="{Encode(command)}" data-busy="{Encode(busy)}">{Encode(label)}</button>""";
}
