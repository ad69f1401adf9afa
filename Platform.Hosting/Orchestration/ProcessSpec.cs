namespace Platform.Hosting.Orchestration;

/// <summary>How to start one process. Secrets go in the environment or in files, never in arguments.</summary>
public sealed record ProcessSpec(string FileName, IReadOnlyList<string> Arguments)
{
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public string? WorkingDirectory { get; init; }

    /// <summary>Written to the process's standard input, then closed.</summary>
    public string? StandardInput { get; init; }

    /// <summary>The signal that asks the process to shut down cleanly.</summary>
    public Signal StopSignal { get; init; } = Signal.Terminate;
}
