using System.ComponentModel.DataAnnotations;

namespace Platform.Api.Analytics;

public sealed class AnalyticsOptions
{
    public const string SectionName = "Analytics";

    /// <summary>How long one summary is served from the cache before the replica is asked again.</summary>
    [Range(0, 3600)]
    public int CacheSeconds { get; set; } = 5;
}
