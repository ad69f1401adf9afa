using System.Text;
using Platform.Hosting.Dashboard.Telemetry;
using static Platform.Hosting.Dashboard.Pages.Html;

namespace Platform.Hosting.Dashboard.Pages;

/// <summary>A line chart as inline SVG: a value axis from zero, a time axis, one coloured line per series.</summary>
internal static class SvgChart
{
    private const int Width = 760, Height = 230, Left = 64, Right = 12, Top = 12, Bottom = 26;
    private static readonly string[] Palette = ["#2563eb", "#dc2626", "#16a34a", "#d97706", "#9333ea", "#0891b2", "#db2777", "#65a30d"];

    public static string Render(string title, string unit, MetricWindow window, IReadOnlyList<ChartLine> lines)
    {
        var values = lines.SelectMany(l => l.Values).Where(double.IsFinite).ToList();
        var max = values.Count == 0 ? 1 : Math.Max(values.Max(), 0);
        var min = values.Count == 0 ? 0 : Math.Min(values.Min(), 0);
        var top = NiceCeiling(max);
        var bottom = min < 0 ? -NiceCeiling(-min) : 0;
        var (plotWidth, plotHeight) = (Width - Left - Right, Height - Top - Bottom);
        double X(int bin) => Left + plotWidth * (bin + 0.5) / window.Bins;
        double Y(double value) => Top + plotHeight * (1 - (value - bottom) / (top - bottom));

        var svg = new StringBuilder(Invariant($"""<figure class="chart"><figcaption>{Encode(title)}{(unit.Length > 0 ? $" <span class=\"muted\">({Encode(unit)})</span>" : "")}</figcaption><svg viewBox="0 0 {Width} {Height}" role="img" aria-label="{Encode(title)}">"""));
        for (var i = 0; i <= 4; i++)
        {
            var value = bottom + (top - bottom) * i / 4;
            svg.Append(Invariant($"""<line class="gridline" x1="{Left}" x2="{Width - Right}" y1="{Y(value):0.#}" y2="{Y(value):0.#}"/><text class="axis" x="{Left - 6}" y="{Y(value) + 4:0.#}" text-anchor="end">{Number(value)}</text>"""));
        }
        for (var i = 0; i <= 4; i++)
        {
            var bin = Math.Min(window.Bins - 1, i * (window.Bins - 1) / 4);
            svg.Append(Invariant($"""<text class="axis" x="{X(bin):0.#}" y="{Height - 8}" text-anchor="middle">{window.TimeOf(bin).ToLocalTime():HH:mm:ss}</text>"""));
        }
        for (var l = 0; l < lines.Count; l++)
        {
            var color = Palette[l % Palette.Length];
            foreach (var run in Runs(lines[l].Values))
            {
                var points = string.Join(" ", run.Select(bin => Invariant($"{X(bin):0.#},{Y(lines[l].Values[bin]):0.#}")));
                svg.Append(run.Count == 1
                    ? Invariant($"""<circle cx="{X(run[0]):0.#}" cy="{Y(lines[l].Values[run[0]]):0.#}" r="2.5" fill="{color}"/>""")
                    : $"""<polyline fill="none" stroke="{color}" stroke-width="2" points="{points}"/>""");
            }
            for (var bin = 0; bin < window.Bins; bin++)
            {
                if (double.IsFinite(lines[l].Values[bin]))
                {
                    svg.Append(Invariant($"""<circle class="hover" cx="{X(bin):0.#}" cy="{Y(lines[l].Values[bin]):0.#}" r="4" fill="{color}"><title>{Encode(lines[l].Name)}: {Number(lines[l].Values[bin])} {Encode(unit)} at {window.TimeOf(bin).ToLocalTime():HH:mm:ss}</title></circle>"""));
                }
            }
        }
        svg.Append("</svg><div class=\"chart-legend\">");
        for (var l = 0; l < lines.Count; l++)
        {
            var latest = lines[l].Values.LastOrDefault(double.IsFinite, double.NaN);
            svg.Append($"""<span><i style="background:{Palette[l % Palette.Length]}"></i>{Encode(lines[l].Name)} <b>{(double.IsFinite(latest) ? Number(latest) : "–")}</b></span>""");
        }
        svg.Append("</div></figure>");
        return svg.ToString();
    }

    public static string Number(double value) => Math.Abs(value) switch
    {
        0 => "0",
        >= 1_000_000 => Invariant($"{value / 1_000_000:0.##}M"),
        >= 10_000 => Invariant($"{value / 1000:0.#}k"),
        >= 100 => Invariant($"{value:0}"),
        >= 1 => Invariant($"{value:0.##}"),
        _ => Invariant($"{value:0.###}"),
    };

    /// <summary>Consecutive bins that have a value: each is drawn as one line, gaps stay gaps.</summary>
    private static IEnumerable<List<int>> Runs(double[] values)
    {
        var run = new List<int>();
        for (var bin = 0; bin < values.Length; bin++)
        {
            if (double.IsFinite(values[bin]))
            {
                run.Add(bin);
            }
            else if (run.Count > 0)
            {
                yield return run;
                run = [];
            }
        }
        if (run.Count > 0)
        {
            yield return run;
        }
    }

    private static double NiceCeiling(double value)
    {
        if (value <= 0)
        {
            return 1;
        }
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        return new[] { 1, 2, 2.5, 5, 10 }.Select(f => f * magnitude).First(v => v >= value);
    }
}
