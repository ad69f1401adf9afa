using System.Text.Json.Serialization;

namespace Platform.Api.Contracts;

/// <summary>An uploaded file and what processing found out about it. <see cref="OwnerId"/> is the subject (<c>sub</c>) of
/// whoever uploaded it; assets from before ownership have none, and only admins see them.</summary>
public sealed record Asset(
    Guid Id,
    string? OwnerId,
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
    public bool IsFinished => Status is AssetStatus.Done or AssetStatus.Failed or AssetStatus.Missing;
}
