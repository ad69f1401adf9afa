namespace Platform.Jobs;

/// <summary>The kinds of job the worker knows. Every job works on one asset.</summary>
public static class JobTypes
{
    /// <summary>Hash, sniff and analyse an asset, and write its report next to it. Queued by every upload.</summary>
    public const string ProcessAsset = "process-asset";

    /// <summary>Re-read an asset's stored bytes and compare their SHA-256 with the recorded one.</summary>
    public const string VerifyAsset = "verify-asset";

    /// <summary>No work beyond the job's own bookkeeping: a canary that shows the queue and a worker are alive end to
    /// end, and the measure of what the pipeline itself costs per job.</summary>
    public const string Ping = "ping";

    public static IReadOnlyList<string> All { get; } = [ProcessAsset, VerifyAsset, Ping];

    public static bool IsKnown(string? type) => type is not null && All.Contains(type, StringComparer.Ordinal);
}
