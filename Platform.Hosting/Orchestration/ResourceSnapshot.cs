using System.Collections.Immutable;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.Hosting.Orchestration;

/// <summary>What the orchestrator knows about a resource at one moment.</summary>
public sealed record ResourceSnapshot(string Name, string ResourceType)
{
    public string State { get; init; } = KnownResourceStates.NotStarted;

    /// <summary>Null until the first health check has run.</summary>
    public HealthStatus? Health { get; init; }

    public ImmutableArray<string> Urls { get; init; } = [];

    public ImmutableArray<ReplicaSnapshot> Replicas { get; init; } = [];

    public ImmutableArray<string> WaitingFor { get; init; } = [];

    /// <summary>Why the resource is in its state: what it waits for, why it failed, when it restarts.</summary>
    public string? Message { get; init; }

    public int Restarts => Replicas.Sum(r => r.Restarts);

    public int? ExitCode => Replicas.Length == 1 ? Replicas[0].ExitCode : null;

    public DateTimeOffset? StartedAt => Replicas.Select(r => r.StartedAt).Min();

    public IEnumerable<int> ProcessIds => Replicas.Select(r => r.ProcessId).OfType<int>();

    public bool IsHealthy => State == KnownResourceStates.Running && Health is HealthStatus.Healthy or HealthStatus.Degraded;
}
