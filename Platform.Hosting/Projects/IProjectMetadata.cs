namespace Platform.Hosting.Projects;

/// <summary>
/// Names a .NET project of the solution. The classes in namespace <c>Projects</c> (for example
/// <c>Projects.Platform_Api</c>) are generated at build time from the AppHost's project references, so a
/// wrong project fails the build, as with Aspire's <c>Projects.*</c> types.
/// </summary>
public interface IProjectMetadata
{
    /// <summary>The project file.</summary>
    string ProjectPath { get; }

    /// <summary>The assembly its build produces; the local run starts it from there.</summary>
    string TargetPath { get; }
}
