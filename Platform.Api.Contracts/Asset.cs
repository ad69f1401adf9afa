using System.Text.Json.Serialization;

namespace Platform.Api.Contracts;

/// <summary>An uploaded file and what processing found out about it.</summary>
public sealed record Asset(
    Guid Id,
    string FileName,
    string Status,
    long SizeBytes,
    string DeclaredContentType,
    string? ContentType,
    string? Sha256,
    bool HasReport,
    int Attempts,
    string? Error,
    DateTime CreatedAt,
    DateTime? ProcessingStartedAt,
    DateTime? ProcessedAt,
    Guid? LatestJobId)
{
    /// <summary>Nothing changes a finished asset but a new job or a delete.</summary>
    [JsonIgnore]
    public bool IsFinished => Status is AssetStatus.Done or AssetStatus.Failed;
}
