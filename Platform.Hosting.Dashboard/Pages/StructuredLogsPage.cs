using Platform.Hosting.Dashboard.Telemetry;
using static Platform.Hosting.Dashboard.Pages.Html;

namespace Platform.Hosting.Dashboard.Pages;

/// <summary>The log records the services exported, newest first, filtered by resource, level and text; each
/// links to its trace.</summary>
internal static class StructuredLogsPage
{
    private static readonly (int Severity, string Label)[] Levels =
        [(0, "All levels"), (1, "Trace"), (5, "Debug"), (9, "Information"), (13, "Warning"), (17, "Error"), (21, "Critical")];

    public sealed record Filter(string? Resource, int MinSeverity, string? Text, string? TraceId)
    {
        public string Query => Invariant($"?resource={Url(Resource ?? "")}&level={MinSeverity}&text={Url(Text ?? "")}&traceId={Url(TraceId ?? "")}");
    }

    public static string Content(LogStore store, Filter filter) => $"""
        <form class="filters" method="get" action="/structuredlogs">
          <label>Resource <select name="resource" data-autosubmit>{Options(store.Services(), filter.Resource, "All resources")}</select></label>
          <label>Level <select name="level" data-autosubmit>{string.Concat(Levels.Select(l => Invariant($"""<option value="{l.Severity}"{(l.Severity == filter.MinSeverity ? " selected" : "")}>{l.Label}</option>""")))}</select></label>
          <label>Text <input type="search" name="text" value="{Encode(filter.Text)}" placeholder="Message, category or attribute"></label>
          {(filter.TraceId is null ? "" : $"""<input type="hidden" name="traceId" value="{Encode(filter.TraceId)}"><span class="tag">trace {Encode(filter.TraceId[..Math.Min(7, filter.TraceId.Length)])} <a href="/structuredlogs">×</a></span>""")}
          <button type="submit">Filter</button>
        </form>
        <div data-refresh="/fragments/structuredlogs{filter.Query}" data-interval="2000">{Table(store, filter)}</div>
        """;

    public static string Table(LogStore store, Filter filter)
    {
        var entries = store.Query(filter.Resource, filter.MinSeverity, filter.Text, filter.TraceId);
        if (entries.Count == 0)
        {
            return """<p class="muted">No log records match. They appear here as the services export them (about once a second).</p>""";
        }
        return $"""
            <table class="grid logs">
            <thead><tr><th>Time</th><th>Resource</th><th>Level</th><th>Message</th><th>Trace</th></tr></thead>
            <tbody>
            {string.Concat(entries.Select(Row))}
            </tbody>
            </table>
            """;
    }

    private static string Row(LogEntry entry) => $"""
        <tr class="level-{entry.Level.ToLowerInvariant()}">
          <td class="nowrap">{Time(entry.Time)}</td>
          <td>{Chip(entry.Source.Service)}</td>
          <td><span class="badge level">{Encode(entry.Level)}</span></td>
          <td><details id="log-{entry.Sequence}"><summary>{Encode(entry.Message.Length > 300 ? entry.Message[..297] + "..." : entry.Message)}</summary>
            <table class="kv">
              <tr><th>Category</th><td>{Encode(entry.Category)}</td></tr>
              <tr><th>Instance</th><td>{Encode(entry.Source.Instance)}</td></tr>
              <tr><th>Message</th><td class="pre">{Encode(entry.Message)}</td></tr>
              {string.Concat(entry.Attributes.Select(a => $"""<tr><th>{Encode(a.Key)}</th><td>{Encode(a.Value)}</td></tr>"""))}
            </table></details></td>
          <td>{(entry.TraceId is null ? "" : $"""<a class="mono" href="/traces/{entry.TraceId}{(entry.SpanId is null ? "" : $"#span-{entry.SpanId}")}">{entry.TraceId[..7]}</a>""")}</td>
        </tr>
        """;
}
