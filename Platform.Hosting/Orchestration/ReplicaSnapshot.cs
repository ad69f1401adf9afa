using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.Hosting.Orchestration;

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
