namespace Platform.Api.Contracts;

/// <summary>
/// Where an asset's processing is (<c>assets.status</c>): its latest processing job's status, except that a job waiting
/// for a retry shows its asset as queued.
/// </summary>
public static class AssetStatus
{
    public const string Queued = JobStatus.Queued;
    public const string Processing = JobStatus.Processing;
    public const string Done = JobStatus.Done;
    public const string Failed = JobStatus.Failed;

    public static IReadOnlyList<string> All { get; } = [Queued, Processing, Done, Failed];
}
