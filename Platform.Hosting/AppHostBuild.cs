using System.Reflection;

namespace Platform.Hosting;

/// <summary>The AppHost's assembly (its build recorded the projects' outputs), its environment (Development locally),
/// and whether this process is the AppHost itself rather than a test that runs its graph.</summary>
internal sealed record AppHostBuild(Assembly? Assembly, string EnvironmentName)
{
    public bool IsOwnProcess => Assembly is not null && Assembly == System.Reflection.Assembly.GetEntryAssembly();
}
