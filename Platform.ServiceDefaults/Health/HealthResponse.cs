namespace Platform.ServiceDefaults.Health;

public sealed record HealthResponse(string Status, double DurationMs, Dictionary<string, HealthEntry> Entries);
