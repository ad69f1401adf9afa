namespace Platform.Hosting.Dashboard.Telemetry;

/// <summary>
/// Turns an instrument's series into chart lines over a window cut into equal bins: rates for counters and
/// histograms (per second), percentiles for histograms (from the merged bucket counts of all series), and the
/// latest value per series for gauges and up-down counters.
/// </summary>
public sealed class MetricWindow(DateTime end, TimeSpan length, int bins)
{
    private static readonly TimeSpan Staleness = TimeSpan.FromSeconds(5);

    public DateTime Start { get; } = end - length;
    public DateTime End { get; } = end;
    public int Bins { get; } = bins;
    public TimeSpan Step => (End - Start) / Bins;

    public DateTime TimeOf(int bin) => Start + Step * (bin + 1);

    private int BinOf(DateTime time) => time <= Start || time > End ? -1 : Math.Min(Bins - 1, (int)((time - Start) / Step));

    /// <summary>Measurements per second (counter increments, or histogram measurements), over all series.</summary>
    public ChartLine Rate(string name, IEnumerable<MetricPoint[]> series, bool histogram)
    {
        var sums = new double[Bins];
        foreach (var point in series.SelectMany(p => p))
        {
            if (BinOf(point.Time) is var bin and >= 0)
            {
                sums[bin] += histogram ? point.Count : point.Value;
            }
        }
        return new ChartLine(name, [.. sums.Select(s => s / Step.TotalSeconds)]);
    }

    public IReadOnlyList<ChartLine> Percentiles(IEnumerable<(double[] Bounds, MetricPoint[] Points)> series, double scale, params double[] quantiles)
    {
        var merged = new ulong[Bins][];
        double[]? bounds = null;
        foreach (var (seriesBounds, points) in series)
        {
            bounds ??= seriesBounds;
            if (!seriesBounds.AsSpan().SequenceEqual(bounds))
            {
                continue; // Buckets with other bounds cannot be merged; the SDK uses one set per instrument.
            }
            foreach (var point in points)
            {
                if (point.Buckets is { } buckets && BinOf(point.Time) is var bin and >= 0)
                {
                    var target = merged[bin] ??= new ulong[buckets.Length];
                    for (var i = 0; i < Math.Min(buckets.Length, target.Length); i++)
                    {
                        target[i] += buckets[i];
                    }
                }
            }
        }
        return [.. quantiles.Select(q => new ChartLine(
            $"P{q * 100:0.#}".Replace(',', '.'),
            [.. merged.Select(buckets => buckets is null || bounds is null ? double.NaN : Quantile(buckets, bounds, q) * scale)]))];
    }

    /// <summary>The last value in each bin, carried forward until the next one.</summary>
    public double[] LastValues(MetricPoint[] points)
    {
        var values = Enumerable.Repeat(double.NaN, Bins).ToArray();
        var last = points.Where(p => p.Time <= Start).Select(p => (double?)p.Value).LastOrDefault() ?? double.NaN;
        var byBin = points.Where(p => BinOf(p.Time) >= 0).GroupBy(p => BinOf(p.Time)).ToDictionary(g => g.Key, g => g.Last().Value);
        // A value holds until the next one, but not for ever: a series that stopped (its process ended) fades out.
        var lastTime = points.Length > 0 ? points[^1].Time : DateTime.MinValue;
        for (var bin = 0; bin < Bins; bin++)
        {
            last = byBin.TryGetValue(bin, out var value) ? value : last;
            values[bin] = TimeOf(bin) - Step <= lastTime + Staleness ? last : double.NaN;
        }
        return values;
    }

    /// <summary>The value below which <paramref name="q"/> of the measurements fall, interpolated inside its bucket.</summary>
    public static double Quantile(ulong[] counts, double[] bounds, double q)
    {
        var total = counts.Aggregate(0UL, (a, b) => a + b);
        if (total == 0)
        {
            return double.NaN;
        }
        var target = q * total;
        var cumulative = 0.0;
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] == 0 || cumulative + counts[i] < target)
            {
                cumulative += counts[i];
                continue;
            }
            var lower = i == 0 ? 0 : bounds[Math.Min(i - 1, bounds.Length - 1)];
            var upper = i < bounds.Length ? bounds[i] : lower; // The overflow bucket has no upper bound.
            return lower + (upper - lower) * ((target - cumulative) / counts[i]);
        }
        return bounds.Length > 0 ? bounds[^1] : double.NaN;
    }
}
