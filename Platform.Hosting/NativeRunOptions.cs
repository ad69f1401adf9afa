namespace Platform.Hosting;

/// <summary>How the native resources run on this machine: configuration section <c>Platform</c>.</summary>
public sealed class NativeRunOptions
{
    public const string SectionName = "Platform";

    /// <summary>Data of PostgreSQL, Redis and the S3 emulator, and the generated secrets, kept between runs like
    /// Aspire's data volumes. Default: <c>.platform/data</c> in the AppHost's folder.</summary>
    public string DataDirectory { get; set; } = "";

    /// <summary>Programs the AppHost installs itself (the S3 emulator). Default: <c>.platform/tools</c> in the AppHost's folder.</summary>
    public string ToolsDirectory { get; set; } = "";

    /// <summary>Delete the data folder before starting (<c>--Platform:Fresh=true</c>).</summary>
    public bool Fresh { get; set; }

    /// <summary>The share of traces the projects record and send to the dashboard (<c>--Platform:TracesSampleRatio=0.1</c>).
    /// Default 1: every trace, as Aspire sets it for development. The dashboard's ingestion of every trace costs a
    /// loaded two-core machine a third of its job throughput (docs/benchmarks.md); the cloud samples 0.1.</summary>
    public double TracesSampleRatio { get; set; } = 1;

    /// <summary>The folder of one resource's data.</summary>
    public string DataDirectoryOf(string resourceName) => Path.Combine(DataDirectory, resourceName);

    /// <summary>The service account's home for runs on this data folder (npm's cache, .NET's per-user files).</summary>
    public string ServiceHome => Path.Combine(DataDirectory, ".home");

    /// <summary>Generated secrets, readable by their owner only.</summary>
    public string SecretsFile => Path.Combine(DataDirectory, "secrets.json");
}
