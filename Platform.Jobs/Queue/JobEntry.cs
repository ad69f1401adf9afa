using System.Diagnostics;
using StackExchange.Redis;

namespace Platform.Jobs.Queue;

/// <summary>
/// One job on the stream: which job, and the W3C trace context of the request that queued it, so that the
/// worker's span continues that trace. The job's state lives in the database; the entry only points to it.
/// </summary>
public sealed record JobEntry(Guid JobId, string Type, string? TraceParent, string? TraceState, long EnqueuedAtMs)
{
    private const string JobIdField = "job";
    private const string TypeField = "type";
    private const string TraceParentField = "traceparent";
    private const string TraceStateField = "tracestate";
    private const string EnqueuedAtField = "enqueued";

    /// <summary>An entry for <paramref name="jobId"/> carrying the current activity's trace context.</summary>
    public static JobEntry ForCurrentTrace(Guid jobId, string type) =>
        new(jobId, type, Activity.Current?.Id, Activity.Current?.TraceStateString, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    public NameValueEntry[] ToFields()
    {
        var fields = new List<NameValueEntry>(5)
        {
            new(JobIdField, JobId.ToString()),
            new(TypeField, Type),
            new(EnqueuedAtField, EnqueuedAtMs),
        };
        if (TraceParent is not null)
        {
            fields.Add(new(TraceParentField, TraceParent));
        }
        if (TraceState is not null)
        {
            fields.Add(new(TraceStateField, TraceState));
        }
        return [.. fields];
    }

    /// <summary>Null when the entry is not a job entry (a poison message: it is dead-lettered, never retried).</summary>
    public static JobEntry? TryParse(NameValueEntry[] fields)
    {
        string? Get(string name) => fields.FirstOrDefault(f => f.Name == name).Value is { IsNull: false } value ? value.ToString() : null;
        return Guid.TryParse(Get(JobIdField), out var jobId) && Get(TypeField) is { } type
            ? new JobEntry(jobId, type, Get(TraceParentField), Get(TraceStateField), long.TryParse(Get(EnqueuedAtField), out var at) ? at : 0)
            : null;
    }

    /// <summary>The parent context for the worker's span, when the entry carries a valid one.</summary>
    public ActivityContext? ParentContext =>
        ActivityContext.TryParse(TraceParent, TraceState, out var context) ? context : null;
}
