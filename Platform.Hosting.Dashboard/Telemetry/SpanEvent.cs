namespace Platform.Hosting.Dashboard.Telemetry;

public sealed record SpanEvent(DateTime Time, string Name, TelemetryAttribute[] Attributes);
