using System.ComponentModel.DataAnnotations;

namespace Platform.Hosting.Dashboard;

/// <summary>The dashboard the AppHost serves in run mode: configuration section <c>Dashboard</c>.
/// A port of 0 takes a free one (tests do that).</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    public bool Enabled { get; set; } = true;

    /// <summary>The browser UI, on loopback (Aspire's standalone dashboard uses 18888).</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 18888;

    /// <summary>OTLP over gRPC, the protocol Aspire gives its projects.</summary>
    [Range(0, 65535)]
    public int OtlpGrpcPort { get; set; } = 18889;

    /// <summary>OTLP over HTTP/protobuf.</summary>
    [Range(0, 65535)]
    public int OtlpHttpPort { get; set; } = 18890;

    /// <summary>The token of the login link; generated per run unless set (Aspire: <c>ASPIRE_DASHBOARD_FRONTEND_BROWSERTOKEN</c>).</summary>
    public string? BrowserToken { get; set; }

    public TelemetryLimits Telemetry { get; set; } = new();
}

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
