using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Executables;

/// <summary>Any program, run as a process locally.</summary>
public sealed class ExecutableResource(string name, string command, string workingDirectory)
    : Resource(name), IResourceWithEnvironment, IResourceWithServiceDiscovery, IResourceWithWaitSupport
{
    public string Command { get; } = command;

    public string WorkingDirectory { get; } = workingDirectory;
}
