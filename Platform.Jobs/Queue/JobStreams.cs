namespace Platform.Jobs.Queue;

/// <summary>The Redis keys of the job queue.</summary>
public static class JobStreams
{
    /// <summary>Jobs ready to run. Entries are deleted once handled, so its length is the backlog plus what is in flight.</summary>
    public const string Ready = "jobs";

    /// <summary>The consumer group every worker replica reads <see cref="Ready"/> through.</summary>
    public const string WorkerGroup = "workers";

    /// <summary>Sorted set of jobs waiting for a retry, scored by the Unix time (ms) they are due.</summary>
    public const string Delayed = "jobs:delayed";

    /// <summary>Jobs that failed every attempt, kept for inspection.</summary>
    public const string DeadLetter = "jobs:dead";

    /// <summary>Held for a while by the worker whose turn it is to look for lost jobs.</summary>
    public const string SweepTurn = "jobs:sweep-turn";
}
