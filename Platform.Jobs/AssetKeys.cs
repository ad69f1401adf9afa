namespace Platform.Jobs;

/// <summary>Where api and worker find an asset: its objects in the bucket, and its entry in the cache.</summary>
public static class AssetKeys
{
    public static string ContentObject(Guid assetId) => $"assets/{assetId}/content";

    /// <summary>The processing report, next to the content.</summary>
    public static string ReportObject(Guid assetId) => $"assets/{assetId}/report.json";

    /// <summary>The api caches finished assets here (see <see cref="CachedAssets"/>).</summary>
    public static string Cache(Guid assetId) => $"asset:{assetId}";
}
