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

public static class AssetStatus
{
    public const string Queued = "queued";
    public const string Processing = "processing";
    public const string Done = "done";
    public const string Failed = "failed";
}

public sealed record PaginatedItems<T>(int PageIndex, int PageSize, long Count, IReadOnlyList<T> Data)
{
    [JsonIgnore]
    public int PageCount => (int)Math.Max(1, (Count + PageSize - 1) / PageSize);
}
