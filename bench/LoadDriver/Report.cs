using System.Globalization;
using System.Text;

namespace LoadDriver;

/// <summary>What a measurement prints: per route and overall, requests/s, p50/p95/p99/max and errors by status code;
/// a last SUMMARY line for scripts; and, to a file, one line per second of due time (for bench/chaos.sh).</summary>
internal static class Report
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Print(IReadOnlyList<Outcome> outcomes, int rate, double seconds, double maxLagMs)
    {
        Console.WriteLine($"{"route",-30} {"count",7} {"req/s",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8}  errors");
        foreach (var group in outcomes.GroupBy(o => o.Route).OrderBy(g => g.Key))
        {
            Console.WriteLine(Line(Mix.PathOf(group.Key), group.ToList(), seconds));
        }
        Console.WriteLine(Line("overall", outcomes, seconds));
        var errors = outcomes.Count(o => o.IsError);
        var sorted = Sorted(outcomes);
        Console.WriteLine(string.Create(Invariant,
            $"SUMMARY target={rate} achieved={outcomes.Count(o => !o.IsError) / seconds:0.0} sent={outcomes.Count / seconds:0.0} p50={Percentiles.Of(sorted, 50):0.0} p95={Percentiles.Of(sorted, 95):0.0} p99={Percentiles.Of(sorted, 99):0.0} max={sorted.LastOrDefault():0.0} errors={errors} error_pct={100.0 * errors / Math.Max(1, outcomes.Count):0.000} by_status={ByStatus(outcomes)} driver_lag_max={maxLagMs:0.0}"));
    }

    /// <summary>Per second of due time: unix second, requests, errors, p99 ms, errors by status.</summary>
    public static void WriteTimeline(string path, IReadOnlyList<Outcome> outcomes, DateTimeOffset start)
    {
        var lines = new StringBuilder("second,requests,errors,p99_ms,by_status\n");
        foreach (var second in outcomes.GroupBy(o => (long)(o.DueMs / 1000)).OrderBy(g => g.Key))
        {
            var sorted = Sorted(second.ToList());
            lines.Append(Invariant, $"{start.ToUnixTimeSeconds() + second.Key},{sorted.Count},{second.Count(o => o.IsError)},{Percentiles.Of(sorted, 99):0.0},{ByStatus(second.ToList())}\n");
        }
        File.WriteAllText(path, lines.ToString());
    }

    private static string Line(string name, IReadOnlyList<Outcome> outcomes, double seconds)
    {
        var sorted = Sorted(outcomes);
        return string.Create(Invariant,
            $"{name,-30} {outcomes.Count,7} {outcomes.Count / seconds,8:0.0} {Percentiles.Of(sorted, 50),8:0.0} {Percentiles.Of(sorted, 95),8:0.0} {Percentiles.Of(sorted, 99),8:0.0} {sorted.LastOrDefault(),8:0.0}  {ByStatus(outcomes)}");
    }

    private static List<double> Sorted(IReadOnlyList<Outcome> outcomes)
    {
        var sorted = outcomes.Select(o => o.LatencyMs).ToList();
        sorted.Sort();
        return sorted;
    }

    /// <summary>Error counts by status, "503:12;0:3", or "none".</summary>
    private static string ByStatus(IReadOnlyList<Outcome> outcomes)
    {
        var errors = outcomes.Where(o => o.IsError).GroupBy(o => o.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}:{g.Count()}").ToList();
        return errors.Count == 0 ? "none" : string.Join(';', errors);
    }
}
