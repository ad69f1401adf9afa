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
