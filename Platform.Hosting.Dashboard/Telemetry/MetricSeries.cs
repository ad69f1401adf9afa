namespace Platform.Hosting.Dashboard.Telemetry;

/// <summary>The points of one attribute set of one instrument, from one process.</summary>
public sealed class MetricSeries(string instance, TelemetryAttribute[] attributes)
{
    internal Queue<MetricPoint> Points { get; } = new();
    internal ulong StartTime { get; set; }
    internal double LastValue { get; set; }
    internal ulong LastCount { get; set; }
    internal double LastSum { get; set; }
    internal ulong[]? LastBuckets { get; set; }

    public string Instance { get; } = instance;
    public TelemetryAttribute[] Attributes { get; } = attributes;
    public string Label { get; } = attributes.Length == 0 ? "(no attributes)" : string.Join(", ", attributes.Select(a => $"{a.Key}={a.Value}"));
    public double[] Bounds { get; internal set; } = [];

    /// <summary>Gauges: the latest value. Counters: the total. Histograms: the number of measurements.</summary>
    public double Total { get; internal set; }
    public double TotalSum { get; internal set; }
}
