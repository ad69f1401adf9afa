namespace Platform.Api.Contracts;

/// <summary>Where a job is (<c>jobs.status</c>). The transitions between them are Platform.Jobs' (its README draws them).</summary>
public static class JobStatus
{
    public const string Queued = "queued";
    public const string Processing = "processing";
    public const string Retrying = "retrying";
    public const string Done = "done";
    public const string Failed = "failed";

    /// <summary>A job in one of these still has work ahead of it.</summary>
    public static IReadOnlyList<string> Unfinished { get; } = [Queued, Processing, Retrying];
}
