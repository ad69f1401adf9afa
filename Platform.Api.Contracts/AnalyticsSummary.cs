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

/// <param name="Node"><c>replica</c> when a standby answered, <c>primary</c> when reads fell back to the primary.</param>
/// <param name="ReplayLagMs">On a replica: how far behind the primary its last replayed transaction is.</param>
public sealed record ServedBy(string Node, string Host, double? ReplayLagMs);

public sealed record ContentTypeCount(string ContentType, long Count, long Bytes);

public sealed record JobCount(string Type, string Status, long Count);

public sealed record Percentiles(double? P50, double? P95, double? P99);
