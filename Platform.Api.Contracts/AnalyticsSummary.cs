namespace Platform.Api.Contracts;

/// <summary>What the assets and jobs add up to, and which database node answered.</summary>
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
