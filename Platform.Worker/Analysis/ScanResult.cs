namespace Platform.Worker.Analysis;

/// <summary>What one pass over a file's bytes found.</summary>
public sealed record ScanResult(long SizeBytes, string Sha256, string ContentType, IReadOnlyDictionary<string, object> Analysis);
