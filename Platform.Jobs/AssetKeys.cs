namespace Platform.Jobs;

/// <summary>Where api and worker find an asset: its objects in the bucket, and its entry in the cache.</summary>
public static class AssetKeys
{
    /// <summary>Every asset's objects are under this prefix, in a folder named by its id.</summary>
    public const string ObjectPrefix = "assets/";

    public static string ContentObject(Guid assetId) => $"{ObjectPrefix}{assetId}/content";

    /// <summary>The processing report, next to the content.</summary>
    public static string ReportObject(Guid assetId) => $"{ObjectPrefix}{assetId}/report.json";

    /// <summary>The asset an object of <see cref="ObjectPrefix"/> belongs to, or null for a key of another shape.</summary>
    public static Guid? AssetIdOf(string objectKey)
    {
        if (!objectKey.StartsWith(ObjectPrefix, StringComparison.Ordinal))
        {
            return null;
        }
        var rest = objectKey.AsSpan(ObjectPrefix.Length);
        var slash = rest.IndexOf('/');
        return slash > 0 && Guid.TryParseExact(rest[..slash], "D", out var id) ? id : null;
    }

    /// <summary>When an asset's upload began: the api gives assets version 7 GUIDs, whose first 48 bits are the Unix
    /// time in milliseconds. Any other id tells no time (<see cref="DateTimeOffset.MaxValue"/>: never old).</summary>
    public static DateTimeOffset UploadStartedAt(Guid assetId)
    {
        if (assetId.Version != 7)
        {
            return DateTimeOffset.MaxValue;
        }
        Span<byte> bytes = stackalloc byte[16];
        assetId.TryWriteBytes(bytes, bigEndian: true, out _);
        var unixMs = (long)bytes[0] << 40 | (long)bytes[1] << 32 | (long)bytes[2] << 24 | (long)bytes[3] << 16 | (long)bytes[4] << 8 | bytes[5];
        return DateTimeOffset.FromUnixTimeMilliseconds(unixMs);
    }

    /// <summary>The api caches finished assets here (see <see cref="CachedAssets"/>).</summary>
    public static string Cache(Guid assetId) => $"asset:{assetId}";
}
