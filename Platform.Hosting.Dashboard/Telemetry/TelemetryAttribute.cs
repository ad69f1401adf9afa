namespace Platform.Hosting.Dashboard.Telemetry;

public readonly record struct TelemetryAttribute(string Key, string Value);
