using System.Text;
using Platform.Hosting.Dashboard.Telemetry;
using static Platform.Hosting.Dashboard.Pages.Html;

namespace Platform.Hosting.Dashboard.Pages;

/// <summary>One trace as a waterfall: each span under its parent, its bar placed on the trace's time line.
/// Opening a span shows its attributes and events.</summary>
internal static class TraceDetailPage
{
    public static string Content(IReadOnlyList<SpanRecord> spans, string traceId)
    {
        if (spans.Count == 0)
        {
            return $"""<p class="muted">Trace <span class="mono">{Encode(traceId)}</span> is not (or no longer) kept. <a href="/traces">All traces</a></p>""";
        }
        var start = spans.Min(s => s.Start);
        var total = spans.Max(s => s.End) - start;
        var ordered = DepthFirst(spans);
        var rows = new StringBuilder();
        foreach (var (span, depth) in ordered)
        {
            rows.Append(Row(span, depth, start, total));
        }
        var services = spans.Select(s => s.Source.Service).Distinct().ToList();
        return $"""
            <div class="trace-header">
              <div><span class="muted">Trace</span> <span class="mono">{Encode(traceId)}</span></div>
              <div><span class="muted">Started</span> {Time(start)}</div>
              <div><span class="muted">Duration</span> {Duration(total)}</div>
              <div><span class="muted">Spans</span> {spans.Count}</div>
              <div><span class="muted">Depth</span> {ordered.Max(o => o.Depth) + 1}</div>
              <div>{string.Concat(services.Select(Chip))}</div>
              <div><a href="/structuredlogs?traceId={Encode(traceId)}">Structured logs of this trace</a></div>
            </div>
            <div class="waterfall">
              <div class="waterfall-head"><div>Span</div><div class="ticks">{Ticks(total)}</div></div>
              {rows}
            </div>
            """;
    }

    private static string Row(SpanRecord span, int depth, DateTime start, TimeSpan total)
    {
        var scale = Math.Max(total.TotalMilliseconds, 0.001);
        var left = (span.Start - start).TotalMilliseconds / scale * 100;
        var width = Math.Max(0.3, span.Duration.TotalMilliseconds / scale * 100);
        var what = span.Attribute("db.system") ?? span.Attribute("db.system.name") ?? span.Attribute("rpc.system") ?? span.Attribute("messaging.system");
        return Invariant($"""
            <details class="span-row{(span.IsError ? " error" : "")}" id="span-{span.SpanId}" data-service="{Encode(span.Source.Service)}">
              <summary>
                <div class="span-name" style="padding-left:{depth * 16}px">{Chip(span.Source.Service)}<span title="{Encode(span.Name)}">{Encode(span.Name)}</span>{(what is null ? "" : $"""<span class="tag">{Encode(what)}</span>""")}</div>
                <div class="span-bar"><div class="bar" style="left:{left:0.###}%;width:{Math.Min(width, 100 - left):0.###}%;--c:{ColorOf(span.Source.Service)}"></div>{Label(span, left, width)}</div>
              </summary>
              <div class="span-details">
                <table class="kv">
                  <tr><th>Resource</th><td>{Encode(span.Source.Service)} <span class="muted">{Encode(span.Source.Instance)}</span></td></tr>
                  <tr><th>Kind</th><td>{span.Kind}</td></tr>
                  <tr><th>Span id</th><td class="mono">{span.SpanId}</td></tr>
                  <tr><th>Parent</th><td class="mono">{span.ParentSpanId}</td></tr>
                  <tr><th>Scope</th><td>{Encode(span.Scope)}</td></tr>
                  <tr><th>Start</th><td>{Time(span.Start)} (+{Duration(span.Start - start)})</td></tr>
                  <tr><th>Status</th><td>{(span.IsError ? "Error" : "Unset/Ok")} {Encode(span.StatusMessage)}</td></tr>
                  {string.Concat(span.Attributes.Select(a => $"""<tr><th>{Encode(a.Key)}</th><td>{Encode(a.Value)}</td></tr>"""))}
                </table>
                {(span.Events.Length == 0 ? "" : "<h3>Events</h3>" + string.Concat(span.Events.Select(e =>
                    $"""<div class="event"><span class="muted">+{Duration(e.Time - span.Start)}</span> {Encode(e.Name)} {string.Join(" ", e.Attributes.Select(a => $"<code>{Encode(a.Key)}={Encode(a.Value)}</code>"))}</div>""")))}
              </div>
            </details>
            """);
    }

    /// <summary>The duration beside its bar: after it, before it when the bar ends near the right edge, or inside
    /// a bar that spans nearly the whole trace.</summary>
    private static string Label(SpanRecord span, double left, double width) =>
        left + width <= 80 ? Invariant($"""<span class="bar-label" style="left:{left + width:0.###}%">{Duration(span.Duration)}</span>""")
        : left >= 15 ? Invariant($"""<span class="bar-label" style="right:{100 - left:0.###}%">{Duration(span.Duration)}</span>""")
        : Invariant($"""<span class="bar-label inside" style="right:{Math.Max(0, 100 - left - width):0.###}%">{Duration(span.Duration)}</span>""");

    /// <summary>Parents before their children, siblings by start time; orphans (parent not received) at the top level.
    /// Walked with a stack of its own and each span once: a trace can be as deep as a sender makes it, and two spans
    /// that share an id (one under the other) make a cycle, which a recursive walk would follow until the stack overflows
    /// and the AppHost dies. What a cycle leaves unreached is shown at the top level.</summary>
    private static List<(SpanRecord Span, int Depth)> DepthFirst(IReadOnlyList<SpanRecord> spans)
    {
        var ids = spans.Select(s => s.SpanId).ToHashSet(StringComparer.Ordinal);
        var children = spans.Where(s => s.ParentSpanId is not null && ids.Contains(s.ParentSpanId))
            .ToLookup(s => s.ParentSpanId!, StringComparer.Ordinal);
        var roots = spans.Where(s => s.ParentSpanId is null || !ids.Contains(s.ParentSpanId)).OrderBy(s => s.Start);
        var visited = new HashSet<SpanRecord>(ReferenceEqualityComparer.Instance);
        var result = new List<(SpanRecord, int)>(spans.Count);
        var pending = new Stack<(SpanRecord Span, int Depth)>();
        foreach (var root in roots.Concat(spans.OrderBy(s => s.Start)))
        {
            pending.Push((root, 0));
            while (pending.TryPop(out var next))
            {
                if (!visited.Add(next.Span))
                {
                    continue;
                }
                result.Add(next);
                // Pushed latest first, so that the earliest child is walked first.
                foreach (var child in children[next.Span.SpanId].OrderBy(c => c.Start).Reverse())
                {
                    pending.Push((child, next.Depth + 1));
                }
            }
        }
        return result;
    }

    private static string Ticks(TimeSpan total) =>
        string.Concat(Enumerable.Range(0, 5).Select(i => Invariant($"""<span style="left:{i * 25}%">{Duration(total * i / 4)}</span>""")));
}
