using System.Reflection;

namespace Platform.Hosting;

public sealed class DistributedApplicationOptions
{
    public string[] Args { get; init; } = [];

    /// <summary>The AppHost assembly; it carries the AppHost's project folder. Defaults to the entry assembly.</summary>
    public Assembly? AppHostAssembly { get; init; }
}
