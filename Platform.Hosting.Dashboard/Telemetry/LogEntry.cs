namespace Platform.Hosting.Dashboard.Telemetry;

public sealed record LogEntry(
    long Sequence,
    DateTime Time,
    int Severity,
    string Level,
    string Message,
    string Category,
    TelemetryAttribute[] Attributes,
    string? TraceId,
    string? SpanId,
    TelemetrySource Source);
