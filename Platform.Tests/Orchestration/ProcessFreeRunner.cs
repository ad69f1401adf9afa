using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Hosting.Orchestration;

namespace Platform.Tests.Orchestration;

/// <summary>Runs a resource without a process of its own (as a database inside its server is), always of one health.</summary>
internal sealed class ProcessFreeRunner(HealthStatus health) : ILocalRunner
{
    private readonly List<long> _probedAt = [];

    public IEnumerable<NativeTool> RequiredTools => [];

    public Task<ProcessSpec?> PrepareAsync(LocalRunContext context, CancellationToken cancellationToken) => Task.FromResult<ProcessSpec?>(null);

    public Task<HealthStatus> CheckHealthAsync(LocalRunContext context, CancellationToken cancellationToken)
    {
        lock (_probedAt)
        {
            _probedAt.Add(Stopwatch.GetTimestamp());
        }
        return Task.FromResult(health);
    }

    /// <summary>The probes after the first one, up to <paramref name="window"/> after it.</summary>
    public IReadOnlyList<TimeSpan> ProbesWithin(TimeSpan window)
    {
        lock (_probedAt)
        {
            return [.. _probedAt.Skip(1).Select(t => Stopwatch.GetElapsedTime(_probedAt[0], t)).Where(after => after <= window)];
        }
    }
}
