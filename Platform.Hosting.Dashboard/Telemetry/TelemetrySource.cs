namespace Platform.Hosting.Dashboard.Telemetry;

/// <summary>Who sent a piece of telemetry: the resource (<c>service.name</c>) and its replica (<c>service.instance.id</c>).</summary>
public sealed record TelemetrySource(string Service, string Instance);
