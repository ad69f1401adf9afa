namespace Platform.Hosting.Dashboard.Telemetry;

public readonly record struct TelemetryAttribute(string Key, string Value);

/// <summary>Who sent a piece of telemetry: the resource (<c>service.name</c>) and its replica (<c>service.instance.id</c>).</summary>
public sealed record TelemetrySource(string Service, string Instance);

public enum SpanKind
{
    Unspecified,
    Internal,
    Server,
    Client,
    Producer,
    Consumer,
}

public sealed record SpanEvent(DateTime Time, string Name, TelemetryAttribute[] Attributes);

public sealed record SpanRecord(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    SpanKind Kind,
    DateTime Start,
    DateTime End,
    bool IsError,
    string? StatusMessage,
    TelemetryAttribute[] Attributes,
    SpanEvent[] Events,
    TelemetrySource Source,
    string Scope)
{
    public TimeSpan Duration => End - Start;

    public string? Attribute(string key) => Attributes.FirstOrDefault(a => a.Key == key).Value;
}

/// <summary>One trace as the list shows it.</summary>
public sealed record TraceSummary(string TraceId, string Name, DateTime Start, TimeSpan Duration, int SpanCount, string[] Services, bool HasError);

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
