using System.Text.Json;
using Platform.Jobs;
using Platform.Worker.Jobs;
using Platform.Jobs.Lifecycle;
using Platform.Jobs.Queue;

namespace Platform.Worker.Processing;

/// <summary>Answers with the worker that ran it; the job's start, completion and events are the point.</summary>
public sealed class PingHandler : IJobHandler
{
    private static readonly Task<JobOutcome> Pong =
        Task.FromResult(new JobOutcome(JsonSerializer.Serialize(new { worker = JobStream.Consumer }), Asset: null));

    public string JobType => JobTypes.Ping;

    public Task<JobOutcome> HandleAsync(StartedJob job, CancellationToken cancellationToken) => Pong;
}
