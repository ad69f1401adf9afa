using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Lifecycle;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Hosting;
using Platform.Hosting.Lifetime;
using Platform.Hosting.Processes;

namespace Aspire.Hosting;

public static class NativeRuntimeBuilderExtensions
{
    /// <summary>
    /// Runs this graph's native resources and projects as Platform does (each integration calls it; once is enough):
    /// data in one folder kept between runs, every program they need checked before anything starts, projects started
    /// from their build output, everything unprivileged when the AppHost is root, and the AppHost stopping with the
    /// process that started it.
    /// </summary>
    public static NativeProcesses AddNativeRuntime(this IDistributedApplicationBuilder builder)
    {
        if (builder.Services.FirstOrDefault(d => d.ServiceType == typeof(NativeProcesses))?.ImplementationInstance is NativeProcesses existing)
        {
            return existing;
        }
        var options = builder.Configuration.GetSection(NativeRunOptions.SectionName).Get<NativeRunOptions>() ?? new NativeRunOptions();
        if (options.TracesSampleRatio is < 0 or > 1)
        {
            throw new DistributedApplicationException(
                $"Platform:TracesSampleRatio is {options.TracesSampleRatio}: give a share of traces between 0 and 1 (1, the default, records every trace).");
        }
        var state = Path.Combine(builder.AppHostDirectory, ".platform");
        options.DataDirectory = Path.GetFullPath(options.DataDirectory is { Length: > 0 } data ? data : Path.Combine(state, "data"), builder.AppHostDirectory);
        options.ToolsDirectory = Path.GetFullPath(options.ToolsDirectory is { Length: > 0 } tools ? tools : Path.Combine(state, "tools"), builder.AppHostDirectory);

        var processes = new NativeProcesses(options);
        builder.Services.AddSingleton(processes);
        builder.Services.AddSingleton(new AppHostBuild(builder.AppHostAssembly, builder.Environment.EnvironmentName));
        builder.Services.TryAddEventingSubscriber<NativeRuntime>();
        builder.Services.TryAddEventingSubscriber<RestartOnFailure>();
        builder.Services.TryAddEventingSubscriber<ChildStates>();
        builder.Services.TryAddEventingSubscriber<StartupReport>();
        Platform.Hosting.Projects.ProjectHealth.Register(builder.Services);
        if (builder.ExecutionContext.IsRunMode)
        {
            builder.Services.AddHostedService<ParentProcessWatch>();
            builder.Services.AddHostedService<OrderedStop>();
        }
        return processes;
    }

    /// <summary>Makes the executable a native process: <paramref name="program"/> is found when the run starts (a missing
    /// one is named with its install command), runs as the service account when the AppHost is root, and is started
    /// again if it fails.</summary>
    public static IResourceBuilder<T> WithNativeProcess<T>(this IResourceBuilder<T> builder, NativeTool program) where T : ExecutableResource
    {
        builder.ApplicationBuilder.AddNativeRuntime();
        return builder.WithAnnotation(new NativeProcessAnnotation(program)).WithRestartOnFailure();
    }

    /// <summary>Starts the resource again when its process fails (a nonzero exit, or killed), after a growing pause.</summary>
    public static IResourceBuilder<T> WithRestartOnFailure<T>(this IResourceBuilder<T> builder) where T : IResource =>
        builder.WithAnnotation(new RestartOnFailureAnnotation(), ResourceAnnotationMutationBehavior.Replace);

    /// <summary>Another program the resource needs on this machine (checked with the others before anything starts).</summary>
    public static IResourceBuilder<T> WithNativeTool<T>(this IResourceBuilder<T> builder, NativeTool tool) where T : IResource =>
        builder.WithAnnotation(new NativeToolAnnotation(tool));
}
