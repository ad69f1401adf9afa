namespace Platform.Jobs.Lifecycle;

/// <summary>A job this worker has started, with what its handler needs to know of the asset.</summary>
public sealed record StartedJob(Guid JobId, string Type, Guid AssetId, int Attempt, string FileName, string DeclaredContentType, long DeclaredSizeBytes, string? RecordedSha256);
