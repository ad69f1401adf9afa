namespace Platform.Jobs.Lifecycle;

/// <summary>The history of a job (<c>job_events.event</c>): one row per transition of <see cref="JobTransitions"/>.</summary>
public static class JobEvents
{
    public const string Started = "started";
    public const string RetryScheduled = "retry-scheduled";
    public const string HandedBack = "handed-back";
    public const string Done = "done";
    public const string DeadLettered = "dead-lettered";
}
