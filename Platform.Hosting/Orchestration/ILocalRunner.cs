using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Hosting.ApplicationModel;

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

public sealed class LocalRunnerAnnotation(ILocalRunner runner) : IResourceAnnotation
{
    public ILocalRunner Runner { get; } = runner;
}

/// <summary>How to start one process. Secrets go in the environment or in files, never in arguments.</summary>
public sealed record ProcessSpec(string FileName, IReadOnlyList<string> Arguments)
{
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public string? WorkingDirectory { get; init; }

    /// <summary>Run as this user (PostgreSQL refuses to run as root).</summary>
    public string? User { get; init; }

    /// <summary>Written to the process's standard input, then closed.</summary>
    public string? StandardInput { get; init; }

    /// <summary>The signal that asks the process to shut down cleanly.</summary>
    public Signal StopSignal { get; init; } = Signal.Terminate;
}
