namespace Platform.Hosting.Dashboard.Telemetry;

/// <summary>One exported value of a series. Counters and histograms keep what changed since the previous point
/// (so that any window sums up), gauges and up-down counters their value.</summary>
public readonly record struct MetricPoint(DateTime Time, double Value, double Count, double Sum, ulong[]? Buckets);
