namespace Platform.Jobs.Lifecycle;

/// <summary>What came of asking for a job.</summary>
public sealed record JobCreation(Guid? JobId, bool AssetMissing, string? ConflictReason)
{
    public static JobCreation AssetNotFound { get; } = new(null, true, null);

    public static JobCreation Created(Guid jobId) => new(jobId, false, null);

    public static JobCreation Conflict(string reason) => new(null, false, reason);
}
