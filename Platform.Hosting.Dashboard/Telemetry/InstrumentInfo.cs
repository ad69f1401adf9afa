namespace Platform.Hosting.Dashboard.Telemetry;

public sealed record InstrumentInfo(string Service, string Meter, string Name, string Description, string Unit, InstrumentKind Kind);
