using Platform.Hosting.Testing;

namespace Platform.Tests.Orchestration;

/// <summary>Graphs written in a test, sharing the AppHost's installed tools (the S3 emulator is installed once).</summary>
internal static class SmallGraphs
{
    public static IDistributedApplicationTestingBuilder Create(int startupTimeoutSeconds = 120)
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.Configuration["Platform:ToolsDirectory"] = Path.Combine(
            Path.GetDirectoryName(new Projects.Platform_AppHost().ProjectPath)!, ".platform", "tools");
        builder.Configuration["Platform:StartupTimeoutSeconds"] = startupTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return builder;
    }
}
