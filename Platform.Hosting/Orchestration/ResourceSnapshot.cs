using System.Collections.Immutable;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.Hosting.Orchestration;

/// <summary>State names, as Aspire shows them (plus <see cref="Restarting"/>).</summary>
public static class KnownResourceStates
{
    public const string NotStarted = "NotStarted";
    public const string Waiting = "Waiting";
    public const string Starting = "Starting";
    public const string Running = "Running";
    public const string Restarting = "Restarting";
    public const string Stopping = "Stopping";
    public const string Exited = "Exited";
    public const string Finished = "Finished";
    public const string FailedToStart = "FailedToStart";

    /// <summary>States after which the resource does nothing more until it is started again.</summary>
    public static bool IsTerminal(string state) => state is Exited or Finished or FailedToStart;
}

/// <summary>One process of a resource (a resource with <c>WithReplicas(n)</c> has n).</summary>
public sealed record ReplicaSnapshot(int Index)
{
    public string State { get; init; } = KnownResourceStates.NotStarted;
    public HealthStatus? Health { get; init; }
    public int? ProcessId { get; init; }
    public int Restarts { get; init; }
    public int? ExitCode { get; init; }
    public string? Url { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
}

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
