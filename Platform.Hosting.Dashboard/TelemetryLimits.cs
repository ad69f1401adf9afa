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
    public int MaxMetricSeries { get; set; } = 5_000;

    /// <summary>Points kept per metric series (about one per second per series while it changes).</summary>
    [Range(10, 100_000)]
    public int MaxPointsPerSeries { get; set; } = 300;

    /// <summary>Longer attribute values and log messages are cut to this length.</summary>
    [Range(64, 1_000_000)]
    public int MaxAttributeLength { get; set; } = 4_096;

    /// <summary>Attributes kept per span or log record.</summary>
    [Range(1, 10_000)]
    public int MaxAttributeCount { get; set; } = 128;

    /// <summary>Events kept per span (exceptions, messages); the first ones are kept.</summary>
    [Range(0, 10_000)]
    public int MaxSpanEvents { get; set; } = 32;

    /// <summary>Attributes kept per span event.</summary>
    [Range(0, 10_000)]
    public int MaxEventAttributeCount { get; set; } = 16;

    /// <summary>Distinct instruments (one per resource, meter and name); those of further names are dropped.</summary>
    [Range(10, 1_000_000)]
    public int MaxInstruments { get; set; } = 1_000;

    /// <summary>Buckets of a histogram point; a point with more is dropped (the .NET SDK sends 16 at most by default).</summary>
    [Range(2, 10_000)]
    public int MaxHistogramBuckets { get; set; } = 256;
}
