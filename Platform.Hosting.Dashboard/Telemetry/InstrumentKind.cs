namespace Platform.Hosting.Dashboard.Telemetry;

public enum InstrumentKind
{
    Gauge,
    Counter,
    UpDownCounter,
    Histogram,
}
