using System.ComponentModel.DataAnnotations;

namespace Platform.Api.Assets;

public sealed class AssetOptions
{
    public const string SectionName = "Assets";

    /// <summary>The largest file an upload may carry; larger ones get 413.</summary>
    [Range(1, 5L * 1024 * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 50 * 1024 * 1024;

    /// <summary>How long a finished asset stays in the Redis cache (changes remove it sooner).</summary>
    [Range(1, 86_400)]
    public int CacheSeconds { get; set; } = 300;
}
