using Platform.Hosting;
using Platform.Hosting.Executables;
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

    /// <summary>The smallest graph: one process that sleeps.</summary>
    public static IDistributedApplicationTestingBuilder Sleeper()
    {
        var builder = Create();
        builder.AddExecutable("sleeper", "sleep", ".", "600");
        return builder;
    }

    /// <summary>Builds and starts the graph; what a failed start left running is stopped.</summary>
    public static async Task<DistributedApplication> StartAsync(IDistributedApplicationTestingBuilder builder)
    {
        var app = await builder.BuildAsync();
        try
        {
            await app.StartAsync();
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }
}
