namespace LoadDriver;

internal static class Percentiles
{
    /// <summary>The nearest-rank percentile of sorted values; 0 for none.</summary>
    public static double Of(IReadOnlyList<double> sorted, double percentile) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
