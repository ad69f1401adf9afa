namespace Platform.Worker.Processing;

/// <summary>The report written to <c>assets/{id}/report.json</c>.</summary>
public sealed record AssetReport(
    Guid AssetId,
    string FileName,
    long SizeBytes,
    string Sha256,
    string ContentType,
    string DeclaredContentType,
    IReadOnlyDictionary<string, object> Analysis);
