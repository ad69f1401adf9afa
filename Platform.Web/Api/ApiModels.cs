using System.Text.Json;

namespace Platform.Web.Api;

// The api's answers, as this client reads them.

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
    public bool IsFinished => Status is "done" or "failed";
}

public sealed record PaginatedItems<T>(int PageIndex, int PageSize, long Count, IReadOnlyList<T> Data)
{
    public int PageCount => (int)Math.Max(1, (Count + PageSize - 1) / PageSize);
}

public sealed record Job(Guid Id, string Type, Guid AssetId, string Status, int Attempts, string? Error, JsonElement? Result,
    DateTime CreatedAt, DateTime? StartedAt, DateTime? CompletedAt, IReadOnlyList<JobEvent> Events);

public sealed record JobEvent(DateTime At, string Event, int Attempt, string Worker, string? TraceId, string? Detail);

public sealed record AnalyticsSummary(
    DateTime GeneratedAt,
    ServedBy ServedBy,
    long AssetCount,
    long BytesStored,
    IReadOnlyDictionary<string, long> AssetsByStatus,
    IReadOnlyList<ContentTypeCount> AssetsByContentType,
    IReadOnlyList<JobCount> Jobs,
    Percentiles UploadToDoneMs,
    Percentiles ProcessingMs);

public sealed record ServedBy(string Node, string Host, double? ReplayLagMs);

public sealed record ContentTypeCount(string ContentType, long Count, long Bytes);

public sealed record JobCount(string Type, string Status, long Count);

public sealed record Percentiles(double? P50, double? P95, double? P99);

/// <summary>What an RFC 9457 problem says, flattened into one line for a page.</summary>
public sealed record Problem(string Title, string? Detail, IReadOnlyDictionary<string, string[]>? Errors)
{
    public string Message => string.Join(" ", new[] { Detail }.Concat(Errors?.Values.SelectMany(e => e) ?? []).OfType<string>().DefaultIfEmpty(Title));
}
