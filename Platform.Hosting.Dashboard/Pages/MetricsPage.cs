using Platform.Hosting.Dashboard.Telemetry;
using static Platform.Hosting.Dashboard.Pages.Html;

namespace Platform.Hosting.Dashboard.Pages;

/// <summary>
/// The instruments a resource exports, grouped by meter, and charts of the chosen one: for a histogram its
/// percentiles and rate (HTTP request duration, job duration), for a counter its rate, for a gauge or an
/// up-down counter its value per series (queue depth, replica lag).
/// </summary>
internal static class MetricsPage
{
    private static readonly TimeSpan WindowLength = TimeSpan.FromMinutes(5);
    private const int Bins = 60;

    public sealed record Selection(string? Resource, string? Meter, string? Instrument)
    {
        public string Query => $"?meter={Url(Meter ?? "")}&instrument={Url(Instrument ?? "")}";
    }

    public static string Content(MetricStore store, IReadOnlyList<string> resources, Selection selection)
    {
        var instruments = selection.Resource is null ? [] : store.Instruments(selection.Resource);
        var current = instruments.FirstOrDefault(i => i.Meter == selection.Meter && i.Name == selection.Instrument)
            ?? instruments.FirstOrDefault(i => i.Name == "http.server.request.duration")
            ?? instruments.FirstOrDefault();
        var list = string.Concat(instruments.GroupBy(i => i.Meter).Select(meter => $"""
            <div class="meter"><div class="meter-name">{Encode(meter.Key)}</div>
            {string.Concat(meter.Select(i => $"""<a href="/metrics/{Url(i.Service)}?meter={Url(i.Meter)}&instrument={Url(i.Name)}" class="{(i == current ? "active" : "")}" title="{Encode(i.Description)}">{Encode(i.Name)}</a>"""))}
            </div>
            """));
        return $"""
            <form class="filters" data-navigate="/metrics/">
              <label>Resource <select name="resource" data-path-select>{Options(resources, selection.Resource, "Choose a resource")}</select></label>
            </form>
            <div class="metrics-layout">
              <aside class="instruments">{(instruments.Count == 0 ? """<p class="muted">No metrics from this resource yet.</p>""" : list)}</aside>
              <section>{(current is null ? "" : $"""<div data-refresh="/fragments/metrics/{Url(current.Service)}{new Selection(current.Service, current.Meter, current.Name).Query}" data-interval="2000">{Charts(store, current)}</div>""")}</section>
            </div>
            """;
    }

    public static string Charts(MetricStore store, InstrumentInfo instrument)
    {
        if (store.Get(instrument.Service, instrument.Meter, instrument.Name) is not { } data)
        {
            return "";
        }
        var window = new MetricWindow(DateTime.UtcNow, WindowLength, Bins);
        var (unit, scale) = DisplayUnit(instrument.Unit);
        var header = $"""<h2>{Encode(instrument.Name)}</h2><p class="muted">{Encode(instrument.Description)} · {instrument.Kind} · meter {Encode(instrument.Meter)}</p>""";
        var charts = instrument.Kind switch
        {
            InstrumentKind.Histogram =>
                SvgChart.Render("Percentiles", unit, window, window.Percentiles(data.Series.Select(s => (s.Series.Bounds, s.Points)), scale, 0.5, 0.9, 0.99))
                + SvgChart.Render("Rate", "per second", window, [window.Rate("measurements/s", data.Series.Select(s => s.Points), histogram: true)]),
            InstrumentKind.Counter =>
                SvgChart.Render("Rate", $"{unit} per second".Trim(), window, [window.Rate($"{instrument.Name}/s", data.Series.Select(s => s.Points), histogram: false)]),
            _ => SvgChart.Render("Value", unit, window, [.. data.Series.OrderByDescending(s => Math.Abs(s.Series.Total)).Take(8)
                .Select(s => new ChartLine(SeriesName(s.Series), [.. window.LastValues(s.Points).Select(v => v * scale)]))]),
        };
        return header + charts + SeriesTable(instrument, data.Series.Select(s => s.Series), unit, scale);
    }

    private static string SeriesTable(InstrumentInfo instrument, IEnumerable<MetricSeries> series, string unit, double scale)
    {
        var total = instrument.Kind switch
        {
            InstrumentKind.Histogram => "Count",
            InstrumentKind.Counter => "Total",
            _ => "Value",
        };
        return $"""
            <table class="grid series">
            <thead><tr><th>Series</th><th>Instance</th><th>{total}</th>{(instrument.Kind == InstrumentKind.Histogram ? $"<th>Mean ({Encode(unit)})</th>" : "")}</tr></thead>
            <tbody>
            {string.Concat(series.OrderBy(s => s.Label, StringComparer.Ordinal).Select(s => $"""
                <tr><td>{Encode(s.Label)}</td><td class="muted">{Encode(s.Instance)}</td><td>{SvgChart.Number(instrument.Kind == InstrumentKind.Histogram ? s.Total : s.Total * scale)}</td>{(instrument.Kind == InstrumentKind.Histogram ? $"<td>{(s.Total > 0 ? SvgChart.Number(s.TotalSum / s.Total * scale) : "")}</td>" : "")}</tr>
                """))}
            </tbody>
            </table>
            """;
    }

    private static string SeriesName(MetricSeries series) =>
        series.Attributes.Length == 0 ? series.Instance : $"{series.Label} ({series.Instance})";

    /// <summary>Durations in seconds read better in milliseconds, as Aspire's dashboard shows them.</summary>
    private static (string Unit, double Scale) DisplayUnit(string unit) => unit switch
    {
        "s" => ("ms", 1000),
        "By" => ("bytes", 1),
        "{request}" or "{requests}" => ("requests", 1),
        _ => (unit.Trim('{', '}'), 1),
    };
}
