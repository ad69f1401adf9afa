using System.ComponentModel.DataAnnotations;

namespace Platform.Hosting.Orchestration;

/// <summary>How the graph runs on this machine: configuration section <c>Platform</c>.</summary>
public sealed class LocalRunOptions
{
    public const string SectionName = "Platform";

    /// <summary>Data of PostgreSQL, Redis and the S3 emulator, and the generated secrets. Default: <c>.platform/data</c> in the AppHost folder.</summary>
    public string DataDirectory { get; set; } = "";

    /// <summary>Tools the AppHost installs itself (the S3 emulator). Default: <c>.platform/tools</c> in the AppHost folder.</summary>
    public string ToolsDirectory { get; set; } = "";

    /// <summary>Delete the data folder before starting (<c>--fresh</c>).</summary>
    public bool Fresh { get; set; }

    /// <summary>How long a resource may take, once its dependencies are up, to become healthy.</summary>
    [Range(1, 3600)]
    public int StartupTimeoutSeconds { get; set; } = 120;

    /// <summary>How long a process may take to stop cleanly before its process group is killed.</summary>
    [Range(1, 120)]
    public int StopTimeoutSeconds { get; set; } = 5;

    /// <summary>Console lines kept in memory per resource.</summary>
    [Range(100, 1_000_000)]
    public int LogLinesPerResource { get; set; } = 5000;

    /// <summary>How the console shows the resources. Auto: a live table in a terminal, one line per change otherwise.</summary>
    public ConsoleViewMode ConsoleView { get; set; }
}
