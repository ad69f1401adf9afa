using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Hosting.Orchestration;
using Platform.Hosting.Publishing;

namespace Platform.Hosting.Executables;

public static class ExecutableBuilderExtensions
{
    /// <summary>Adds a program: <paramref name="command"/> is a path or a name found on PATH.</summary>
    public static IResourceBuilder<ExecutableResource> AddExecutable(this IDistributedApplicationBuilder builder, string name,
        string command, string workingDirectory, params string[] args)
    {
        var resource = new ExecutableResource(name, command, Path.GetFullPath(workingDirectory, builder.AppHostDirectory));
        return builder.AddResource(resource)
            .WithAnnotation(new LocalRunnerAnnotation(new ExecutableRunner(resource)))
            .WithManifestPublishingCallback(context => ExecutableManifest.Write(context, resource))
            .WithArgs(args);
    }

    private sealed class ExecutableRunner(ExecutableResource executable) : ILocalRunner
    {
        private readonly NativeTool _command = Path.IsPathRooted(executable.Command)
            ? new NativeTool(executable.Command, $"make sure '{executable.Command}' exists", () => File.Exists(executable.Command) ? executable.Command : null)
            : NativeTool.OnPath(executable.Command, $"install '{executable.Command}' and make sure it is on PATH");

        public IEnumerable<NativeTool> RequiredTools => [_command];

        public async Task<ProcessSpec?> PrepareAsync(LocalRunContext context, CancellationToken cancellationToken) =>
            await ProcessResources.CreateLaunchAsync(context, context.Tools.PathOf(_command), [], executable.WorkingDirectory, null, cancellationToken);

        public Task<HealthStatus> CheckHealthAsync(LocalRunContext context, CancellationToken cancellationToken) =>
            ProcessResources.CheckHttpHealthAsync(context, cancellationToken);
    }
}
