using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Hosting.Orchestration;

namespace Platform.Tests.Orchestration;

/// <summary>Runs a resource without a process of its own (as a database inside its server is), always of one health.</summary>
internal sealed class ProcessFreeRunner(HealthStatus health) : ILocalRunner
{
    private int _probes;

    public IEnumerable<NativeTool> RequiredTools => [];

    /// <summary>How often its health was checked.</summary>
    public int Probes => Volatile.Read(ref _probes);

    public Task<ProcessSpec?> PrepareAsync(LocalRunContext context, CancellationToken cancellationToken) => Task.FromResult<ProcessSpec?>(null);

    public Task<HealthStatus> CheckHealthAsync(LocalRunContext context, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _probes);
        return Task.FromResult(health);
    }
}
