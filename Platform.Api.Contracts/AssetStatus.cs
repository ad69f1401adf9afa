namespace Platform.Api.Contracts;

/// <summary>
/// Where an asset's processing is (<c>assets.status</c>): its latest processing job's status, except that a job waiting
/// for a retry shows its asset as queued; and <see cref="Missing"/>, which a <c>verify-asset</c> job sets when the asset's
/// stored bytes are gone (and clears when a later one finds them back).
/// </summary>
public static class AssetStatus
{
    public const string Queued = JobStatus.Queued;
    public const string Processing = JobStatus.Processing;
    public const string Done = JobStatus.Done;
    public const string Failed = JobStatus.Failed;

    /// <summary>The record is there, its object is not: reported by <c>verify-asset</c>.</summary>
    public const string Missing = "missing";

    public static IReadOnlyList<string> All { get; } = [Queued, Processing, Done, Failed, Missing];
}
