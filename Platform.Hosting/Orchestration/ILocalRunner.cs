using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.Hosting.Orchestration;

/// <summary>How one kind of resource runs on this machine, as a native process. Each integration brings its own.</summary>
public interface ILocalRunner
{
    /// <summary>The binaries this resource needs; checked for all resources before anything starts.</summary>
    IEnumerable<NativeTool> RequiredTools { get; }

    /// <summary>Gets the resource ready (creates its data, runs setup commands) and says how to start its process.
    /// Returns null for a resource without a process of its own, such as a database inside a server.</summary>
    Task<ProcessSpec?> PrepareAsync(LocalRunContext context, CancellationToken cancellationToken);

    /// <summary>A real protocol-level check that the resource serves.</summary>
    Task<HealthStatus> CheckHealthAsync(LocalRunContext context, CancellationToken cancellationToken);
}
