using System.ComponentModel.DataAnnotations;

namespace Platform.Api.Assets;

public sealed class AssetOptions
{
    public const string SectionName = "Assets";

    /// <summary>The largest file an upload may carry; larger ones get 413.</summary>
    [Range(1, 5L * 1024 * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 50 * 1024 * 1024;

    /// <summary>How long an upload may take: a streamed one from its first byte to its last (a slower one gets 408), a
    /// presigned one from its URL to its completion (later, it is unknown). The worker's orphan sweep
    /// (<c>Reconciliation:OrphanAfterSeconds</c>) must wait longer than this.</summary>
    [Range(1, 86_400)]
    public int UploadTimeoutSeconds { get; set; } = 600;

    /// <summary>How long a presigned upload URL is valid; at most <see cref="UploadTimeoutSeconds"/>.</summary>
    [Range(1, 3600)]
    public int UploadUrlSeconds { get; set; } = 300;

    /// <summary>How long the presigned GET that a download redirects to is valid: enough to follow the redirect.</summary>
    [Range(1, 3600)]
    public int DownloadUrlSeconds { get; set; } = 60;

    /// <summary>How long a finished asset stays in the Redis cache (changes remove it sooner).</summary>
    [Range(1, 86_400)]
    public int CacheSeconds { get; set; } = 300;
}
