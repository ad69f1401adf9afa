using Platform.Jobs.Lifecycle;

namespace Platform.Worker.Jobs;

/// <summary>Does one type of job. Must be safe to run again for the same job: delivery is at-least-once.</summary>
public interface IJobHandler
{
    string JobType { get; }

    Task<JobOutcome> HandleAsync(StartedJob job, CancellationToken cancellationToken);
}
