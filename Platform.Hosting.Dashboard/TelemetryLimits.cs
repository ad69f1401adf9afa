using System.ComponentModel.DataAnnotations;

namespace Platform.Hosting.Dashboard;

/// <summary>How much telemetry the dashboard keeps in memory; the oldest goes first.</summary>
public sealed class TelemetryLimits
{
    /// <summary>Spans kept, counted over all traces; whole traces are dropped, oldest first.</summary>
    [Range(100, 10_000_000)]
    public int MaxSpans { get; set; } = 20_000;

    [Range(100, 10_000_000)]
    public int MaxLogRecords { get; set; } = 20_000;

    /// <summary>Distinct metric series (one per instrument, attribute set and process).</summary>
    [Range(10, 1_000_000)]
    public int MaxMetricSeries { get; set; } = 1_000;

    /// <summary>Points kept per metric series (about one per second per series while it changes).</summary>
    [Range(10, 100_000)]
    public int MaxPointsPerSeries { get; set; } = 300;

    /// <summary>Longer attribute values and log messages are cut to this length.</summary>
    [Range(64, 1_000_000)]
    public int MaxAttributeLength { get; set; } = 4_096;

    /// <summary>Attributes kept per span, log record or event.</summary>
    [Range(1, 10_000)]
    public int MaxAttributeCount { get; set; } = 128;
}
