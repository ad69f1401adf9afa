namespace Platform.Hosting.Dashboard.Telemetry;

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
