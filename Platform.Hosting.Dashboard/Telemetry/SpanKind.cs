namespace Platform.Hosting.Dashboard.Telemetry;

public enum SpanKind
{
    Unspecified,
    Internal,
    Server,
    Client,
    Producer,
    Consumer,
}
