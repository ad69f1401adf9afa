using System.Globalization;
using System.Net;

namespace Platform.Hosting.Dashboard.Pages;

/// <summary>Small helpers for the server-rendered pages: every text that comes from outside goes through <see cref="E"/>.</summary>
internal static class Html
{
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string Url(string text) => Uri.EscapeDataString(text);

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>A readable duration: 850 µs, 12.3 ms, 1.25 s, 2 min 5 s.</summary>
    public static string Duration(TimeSpan duration) => duration.TotalMilliseconds switch
    {
        < 1 => Invariant($"{duration.TotalMicroseconds:0} µs"),
        < 100 => Invariant($"{duration.TotalMilliseconds:0.##} ms"),
        < 1000 => Invariant($"{duration.TotalMilliseconds:0} ms"),
        < 60_000 => Invariant($"{duration.TotalSeconds:0.##} s"),
        _ => Invariant($"{(int)duration.TotalMinutes} min {duration.Seconds} s"),
    };

    /// <summary>Times are shown in the AppHost's local time zone, like its console.</summary>
    public static string Time(DateTime utc) => utc.ToLocalTime().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset? time) => time is null ? "" : time.Value.ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A stable colour per resource, so that one resource has one colour on every page.</summary>
    public static string ColorOf(string service)
    {
        string[] palette = ["#2563eb", "#16a34a", "#d97706", "#9333ea", "#dc2626", "#0891b2", "#db2777", "#65a30d", "#7c3aed", "#ea580c"];
        var hash = 0;
        foreach (var c in service)
        {
            hash = unchecked(hash * 31 + c);
        }
        return palette[(hash & int.MaxValue) % palette.Length];
    }

    public static string Chip(string service) => $"""<span class="chip" style="--c:{ColorOf(service)}">{Encode(service)}</span>""";

    /// <summary>A select's options; the selected value is kept even before any telemetry names it, so that a
    /// filter chosen early still shows as chosen.</summary>
    public static string Options(IEnumerable<string> values, string? selected, string allLabel) =>
        $"""<option value="">{Encode(allLabel)}</option>""" + string.Concat(values.Union(selected is null ? [] : [selected]).Select(v =>
            $"""<option value="{Encode(v)}"{(v == selected ? " selected" : "")}>{Encode(v)}</option>"""));
}
