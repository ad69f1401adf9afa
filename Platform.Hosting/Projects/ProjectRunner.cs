using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Hosting.ApplicationModel;
using Platform.Hosting.Orchestration;

namespace Platform.Hosting.Projects;

/// <summary>Runs a project from its build output with <c>dotnet</c>, in its project folder, as <c>dotnet run</c> would.</summary>
internal sealed class ProjectRunner : ILocalRunner
{
    public IEnumerable<NativeTool> RequiredTools => [DotnetHost];

    private const string WriteXorExecute = "DOTNET_EnableWriteXorExecute";

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
        var urls = project.AnnotationsOf<EndpointAnnotation>()
            .Where(e => e.Scheme is "http" or "https")
            .Select(e => $"{e.Scheme}://localhost:{context.PortOf(e)}")
            .ToList();
        return await ProcessResourceSpec.CreateAsync(context, context.Tools.PathOf(DotnetHost), [assembly],
            Path.GetDirectoryName(project.Project.ProjectPath), environment =>
            {
                if (urls.Count > 0)
                {
                    environment["ASPNETCORE_URLS"] = string.Join(";", urls);
                }
                // Write-xor-execute costs a .NET process about a sixth of its start-up CPU (docs/benchmarks.md). A
                // local run trades that hardening for a faster start; WithEnvironment can turn it back on.
                environment.TryAdd(WriteXorExecute, "0");
            }, cancellationToken);
    }

    public Task<HealthStatus> CheckHealthAsync(LocalRunContext context, CancellationToken cancellationToken) =>
        ProcessResourceSpec.CheckHttpHealthAsync(context, cancellationToken);

    /// <summary>The dotnet host that runs this AppHost, else the one on PATH.</summary>
    private static string? FindDotnet() =>
        new[] { Environment.GetEnvironmentVariable("DOTNET_HOST_PATH"), Environment.ProcessPath }
            .FirstOrDefault(p => p is not null && Path.GetFileNameWithoutExtension(p) == "dotnet" && File.Exists(p))
        ?? NativeTool.FindOnPath("dotnet");
}
