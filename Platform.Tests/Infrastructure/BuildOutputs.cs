using System.Reflection;

namespace Platform.Tests.Infrastructure;

/// <summary>The built assembly of each project the AppHost runs, as the AppHost's build recorded it
/// (Platform.Hosting/build/Platform.Hosting.targets).</summary>
internal static class BuildOutputs
{
    public static string Of(string projectName) =>
        typeof(Projects.Platform_AppHost).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Where(a => a.Key == "Platform.Hosting.BuildOutput")
            .Select(a => a.Value!.Split('|')[1])
            .Single(path => Path.GetFileNameWithoutExtension(path) == projectName);
}
