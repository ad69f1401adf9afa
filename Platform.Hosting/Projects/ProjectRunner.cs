using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Hosting.ApplicationModel;
using Platform.Hosting.Orchestration;

namespace Platform.Hosting.Projects;

/// <summary>Runs a project from its build output with <c>dotnet</c>, in its project folder, as <c>dotnet run</c> would.</summary>
internal sealed class ProjectRunner : ILocalRunner
{
    public IEnumerable<NativeTool> RequiredTools => [DotnetHost];

    /// <summary>
    /// Runtime settings for services run locally, where they are short-lived and share a few cores (measured in
    /// docs/benchmarks.md): write-xor-execute costs each a sixth of its start-up CPU, dynamic PGO's instrumented
    /// code and recompilations cost more CPU than they return, and idle thread-pool threads that spin for work take
    /// the cores the other processes need. WithEnvironment can set any of them back.
    /// </summary>
    private static readonly Dictionary<string, string> LocalRuntimeSettings = new()
    {
        ["DOTNET_EnableWriteXorExecute"] = "0",
        ["DOTNET_TieredPGO"] = "0",
        ["DOTNET_ThreadPool_UnfairSemaphoreSpinLimit"] = "0",
    };

    private static readonly NativeTool DotnetHost = new("dotnet", "see https://learn.microsoft.com/dotnet/core/install/linux-debian", FindDotnet);

    public async Task<ProcessSpec?> PrepareAsync(LocalRunContext context, CancellationToken cancellationToken)
    {
        var project = (ProjectResource)context.Resource;
        var assembly = project.Project.TargetPath;
        if (!File.Exists(assembly))
        {
            throw new DistributedApplicationException(
                $"Project '{project.Name}' has no build output at '{assembly}'. Build it first: dotnet build \"{project.Project.ProjectPath}\"");
        }
        context.EnsureServiceUserCanRead(assembly, $"The build output of project '{project.Name}'");
        var urls = project.AnnotationsOf<EndpointAnnotation>()
            .Where(e => e.Scheme is "http" or "https")
            .Select(e => $"{e.Scheme}://localhost:{context.PortOf(e)}")
            .ToList();
        return await ProcessResources.CreateLaunchAsync(context, context.Tools.PathOf(DotnetHost), [assembly],
            Path.GetDirectoryName(project.Project.ProjectPath), environment =>
            {
                if (urls.Count > 0)
                {
                    environment["ASPNETCORE_URLS"] = string.Join(";", urls);
                }
                foreach (var (name, value) in LocalRuntimeSettings)
                {
                    environment.TryAdd(name, value);
                }
            }, cancellationToken);
    }

    public Task<HealthStatus> CheckHealthAsync(LocalRunContext context, CancellationToken cancellationToken) =>
        ProcessResources.CheckHttpHealthAsync(context, cancellationToken);

    /// <summary>The dotnet host that runs this AppHost, else the one on PATH.</summary>
    private static string? FindDotnet() =>
        new[] { Environment.GetEnvironmentVariable("DOTNET_HOST_PATH"), Environment.ProcessPath }
            .FirstOrDefault(p => p is not null && Path.GetFileNameWithoutExtension(p) == "dotnet" && File.Exists(p))
        ?? NativeTool.FindOnPath("dotnet");
}
