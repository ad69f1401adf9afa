namespace Platform.ServiceDefaults.Health;

public sealed record HealthEntry(string Status, double DurationMs, string[] Tags);
