namespace Platform.Hosting.Dashboard.Telemetry;

/// <summary>A chart line: one value per time bin, NaN where there is nothing to show.</summary>
public sealed record ChartLine(string Name, double[] Values);
