using Platform.Hosting.Dashboard.Telemetry;
using static Platform.Hosting.Dashboard.Pages.Html;

namespace Platform.Hosting.Dashboard.Pages;

/// <summary>The traces received, newest first, filtered by resource, shortest duration and name.</summary>
internal static class TracesPage
{
    public sealed record Filter(string? Resource, double? MinDurationMs, string? Text)
    {
        public string Query => Invariant($"?resource={Url(Resource ?? "")}&minDuration={MinDurationMs}&text={Url(Text ?? "")}");
    }

    public static string Content(TraceStore store, Filter filter) => $"""
        <form class="filters" method="get" action="/traces">
          <label>Resource <select name="resource" data-autosubmit>{Options(store.Services(), filter.Resource, "All resources")}</select></label>
          <label>Min duration (ms) <input type="number" name="minDuration" min="0" step="any" value="{Invariant($"{filter.MinDurationMs}")}"></label>
          <label>Name <input type="search" name="text" value="{Encode(filter.Text)}" placeholder="Span name or trace id"></label>
          <button type="submit">Filter</button>
        </form>
        <div data-refresh="/fragments/traces{filter.Query}" data-interval="2000">{Table(store, filter)}</div>
        """;

    public static string Table(TraceStore store, Filter filter)
    {
        var traces = store.Query(filter.Resource, filter.MinDurationMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null, filter.Text);
        if (traces.Count == 0)
        {
            return """<p class="muted">No traces yet. They appear here as the services export them (about once a second).</p>""";
        }
        var longest = traces.Max(t => t.Duration.TotalMilliseconds);
        return $"""
            <table class="grid traces">
            <thead><tr><th>Time</th><th>Name</th><th>Resources</th><th>Spans</th><th class="duration">Duration</th></tr></thead>
            <tbody>
            {string.Concat(traces.Select(t => Row(t, longest)))}
            </tbody>
            </table>
            """;
    }

    private static string Row(TraceSummary trace, double longest) => Invariant($"""
        <tr class="{(trace.HasError ? "error" : "")}">
          <td>{Time(trace.Start)}</td>
          <td><a href="/traces/{trace.TraceId}">{Encode(trace.Name)}</a> <span class="muted mono">{trace.TraceId[..7]}</span>{(trace.HasError ? """ <span class="badge bad">Error</span>""" : "")}</td>
          <td>{string.Concat(trace.Services.Select(Chip))}</td>
          <td>{trace.SpanCount}</td>
          <td class="duration"><div class="bar" style="width:{Math.Max(1, trace.Duration.TotalMilliseconds / Math.Max(longest, 0.001) * 100):0.#}%"></div>{Duration(trace.Duration)}</td>
        </tr>
        """);
}
