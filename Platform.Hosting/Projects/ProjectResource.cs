using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Projects;

/// <summary>A .NET project of the solution, run from its build output locally and as a container in the cloud.</summary>
public sealed class ProjectResource(string name, IProjectMetadata project)
    : Resource(name), IResourceWithEnvironment, IResourceWithServiceDiscovery, IResourceWithWaitSupport
{
    public IProjectMetadata Project { get; } = project;
}
