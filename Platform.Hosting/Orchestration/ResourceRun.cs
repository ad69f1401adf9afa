namespace Platform.Hosting.Orchestration;

/// <summary>One start of a resource, up to its stop (README: "A resource's runs").</summary>
internal sealed class ResourceRun(int replicas)
{
    public static readonly ResourceRun NotStarted = new(0) { Lifetime = Task.CompletedTask };

    public CancellationTokenSource Stopping { get; } = new();

    /// <summary>Completes when every replica is ready; faults with the reason when the run fails.</summary>
    public TaskCompletionSource Ready { get; } = NewSignal();

    public TaskCompletionSource[] ReplicaReady { get; } = [.. Enumerable.Range(0, replicas).Select(_ => NewSignal())];

    /// <summary>Completes once the start has an outcome to show: ready, failed, or waiting for a dependency.</summary>
    public TaskCompletionSource Settled { get; } = NewSignal();

    public Task Lifetime { get; set; } = Task.CompletedTask;

    public bool IsActive => !Lifetime.IsCompleted;

    /// <summary>Completes <see cref="Ready"/> if every replica is ready.</summary>
    public bool CompleteIfReady()
    {
        if (!ReplicaReady.All(r => r.Task.IsCompletedSuccessfully))
        {
            return false;
        }
        Ready.TrySetResult();
        Settled.TrySetResult();
        return Ready.Task.IsCompletedSuccessfully;
    }

    public static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
