using System.Reflection;
using Aspire.Hosting.ApplicationModel;

namespace Platform.Hosting.Projects;

/// <summary>
/// Starts each project from its build output (<c>dotnet bin/…/X.dll</c>) instead of Aspire's <c>dotnet run --project</c>,
/// which evaluates and checks the build of every project again on each start (about 2 s of CPU each, measured in
/// docs/benchmarks.md). The AppHost's build has built them already: its project references are built with it, and
/// <c>build/Platform.Hosting.targets</c> records each one's output as assembly metadata of the AppHost.
/// </summary>
internal static class BuildOutputLaunch
{
    public const string MetadataKey = "Platform.Hosting.BuildOutput";

    /// <summary>
    /// Runtime settings for services run locally, where they are short-lived and share a few cores (measured in
    /// docs/benchmarks.md): write-xor-execute costs each a sixth of its start-up CPU, dynamic PGO's instrumented code
    /// and recompilations cost more CPU than they return, and idle thread-pool threads that spin for work take the
    /// cores the other processes need. WithEnvironment can set any of them back.
    /// </summary>
    private static readonly Dictionary<string, string> LocalRuntimeSettings = new()
    {
        ["DOTNET_EnableWriteXorExecute"] = "0",
        ["DOTNET_TieredPGO"] = "0",
        ["DOTNET_ThreadPool_UnfairSemaphoreSpinLimit"] = "0",
    };

    /// <summary>Each project's built assembly, by project file, as the AppHost's build recorded them.</summary>
    public static Dictionary<string, string> RecordedOutputs(Assembly? appHost) =>
        (appHost?.GetCustomAttributes<AssemblyMetadataAttribute>() ?? [])
            .Where(a => a.Key == MetadataKey && a.Value is not null)
            .Select(a => a.Value!.Split('|', 2))
            .ToDictionary(parts => Path.GetFullPath(parts[0]), parts => parts[1]);

    /// <summary>Points the project at its build output. Returns the assembly, or null when the build recorded none
    /// (then Aspire's own launch applies).</summary>
    public static string? Apply(ProjectResource project, IReadOnlyDictionary<string, string> outputs, string dotnet, string environmentName)
    {
        var projectPath = Path.GetFullPath(project.GetProjectMetadata().ProjectPath);
        if (!outputs.TryGetValue(projectPath, out var assembly) || project.HasAnnotationOfType<ExecutableAnnotation>())
        {
            return null;
        }
        if (!File.Exists(assembly))
        {
            throw new Aspire.Hosting.DistributedApplicationException(
                $"Project '{project.Name}' has no build output at '{assembly}'. Build the AppHost first: dotnet build");
        }
        project.Annotations.Add(new ExecutableAnnotation { Command = dotnet, WorkingDirectory = Path.GetDirectoryName(projectPath)! });
        project.Annotations.Add(new CommandLineArgsCallbackAnnotation(args => args.Insert(0, assembly)));
        project.Annotations.Add(new EnvironmentCallbackAnnotation(environment =>
        {
            foreach (var (name, value) in LocalRuntimeSettings)
            {
                environment.TryAdd(name, value);
            }
            // DCP passes on none of the AppHost's environment name; a project without a launch profile would run as
            // Production. Locally it runs as the AppHost does (Development).
            environment.TryAdd("ASPNETCORE_ENVIRONMENT", environmentName);
            environment.TryAdd("DOTNET_ENVIRONMENT", environmentName);
        }));
        return assembly;
    }

    /// <summary>The dotnet host that runs this AppHost, else the one on PATH.</summary>
    public static string Dotnet() =>
        new[] { Environment.GetEnvironmentVariable("DOTNET_HOST_PATH"), Environment.ProcessPath }
            .FirstOrDefault(p => p is not null && Path.GetFileNameWithoutExtension(p) == "dotnet" && File.Exists(p))
        ?? Processes.NativeTool.FindOnPath("dotnet") ?? "dotnet";
}
