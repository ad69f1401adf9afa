namespace Platform.Hosting.Dashboard.Telemetry;

/// <summary>One trace as the list shows it.</summary>
public sealed record TraceSummary(string TraceId, string Name, DateTime Start, TimeSpan Duration, int SpanCount, string[] Services, bool HasError);
