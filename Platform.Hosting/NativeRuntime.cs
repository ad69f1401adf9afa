using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Eventing;
using Aspire.Hosting.Lifecycle;
using Microsoft.Extensions.Logging;
using Platform.Hosting.Processes;
using Platform.Hosting.Projects;

namespace Platform.Hosting;

/// <summary>
/// Prepares a run before DCP starts anything: the data folder, every program the native resources need (all missing
/// ones named in one error), projects pointed at their build output, and, when the AppHost runs as root, the service
/// account that every native process and project then runs as.
/// </summary>
internal sealed class NativeRuntime(NativeProcesses processes, AppHostBuild build, ILogger<NativeRuntime> logger) : IDistributedApplicationEventingSubscriber
{
    public Task SubscribeAsync(IDistributedApplicationEventing eventing, DistributedApplicationExecutionContext executionContext, CancellationToken cancellationToken)
    {
        if (executionContext.IsRunMode)
        {
            eventing.Subscribe<BeforeStartEvent>((e, ct) => PrepareAsync(e.Model, ct));
        }
        else
        {
            eventing.Subscribe<BeforeStartEvent>((e, _) =>
            {
                PublishedBindings.Apply(e.Model);
                return Task.CompletedTask;
            });
        }
        return Task.CompletedTask;
    }

    private async Task PrepareAsync(DistributedApplicationModel model, CancellationToken cancellationToken)
    {
        PrepareDataDirectory(processes.Options);
        RequireTools(model);
        var natives = model.Resources.OfType<ExecutableResource>().Where(r => r.HasAnnotationOfType<NativeProcessAnnotation>()).ToList();
        foreach (var native in natives)
        {
            native.Annotations.OfType<ExecutableAnnotation>().Last().Command = native.Annotations.OfType<NativeProcessAnnotation>().Single().Program.Path;
        }
        var projects = model.Resources.OfType<ProjectResource>().ToList();
        var assemblies = PrepareProjects(model, projects);
        if (build.IsOwnProcess)
        {
            ChildEnvironment.RestrictCurrentProcess();
        }
        if (ServiceAccount.IsNeeded)
        {
            var account = processes.Account = await ServiceAccount.FindOrCreateAsync(cancellationToken);
            processes.CreateServiceDirectory(processes.Options.ServiceHome);
            GrantTraverse(account, [processes.Options.DataDirectory, processes.Options.ToolsDirectory, .. assemblies]);
            foreach (var resource in natives.Cast<IResource>().Concat(projects))
            {
                RunAs(resource, account, processes.Options.ServiceHome);
            }
        }
    }

    private static void PrepareDataDirectory(NativeRunOptions options)
    {
        if (options.Fresh && Directory.Exists(options.DataDirectory))
        {
            Directory.Delete(options.DataDirectory, recursive: true);
        }
        // Others may pass through the data folder (the service account, to its own folders inside), never list or read it.
        Directory.CreateDirectory(options.DataDirectory);
        File.SetUnixFileMode(options.DataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherExecute);
        Directory.CreateDirectory(options.ToolsDirectory);
    }

    /// <summary>Projects start from their build output, sampling traces as configured; a single instance needs no proxy in
    /// front (DCP's proxy costs CPU on every request); a service (not a run-once step, whose failure must stop what waits
    /// for it) starts again when it fails and is healthy once its <c>/health</c> answers. Returns the built assemblies.</summary>
    private List<string> PrepareProjects(DistributedApplicationModel model, List<ProjectResource> projects)
    {
        var outputs = BuildOutputLaunch.RecordedOutputs(build.Assembly);
        var dotnet = BuildOutputLaunch.Dotnet();
        var assemblies = projects.Select(p => BuildOutputLaunch.Apply(p, outputs, dotnet, build.EnvironmentName)).OfType<string>().ToList();
        foreach (var project in projects.Where(p => (p.Annotations.OfType<ReplicaAnnotation>().LastOrDefault()?.Replicas ?? 1) == 1))
        {
            foreach (var endpoint in project.Annotations.OfType<EndpointAnnotation>())
            {
                endpoint.IsProxied = false;
            }
        }
        if (processes.Options.TracesSampleRatio < 1)
        {
            // After Aspire's own callback (always_on for development), so this one decides.
            var ratio = processes.Options.TracesSampleRatio.ToString(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var project in projects)
            {
                project.Annotations.Add(new EnvironmentCallbackAnnotation(environment =>
                {
                    environment["OTEL_TRACES_SAMPLER"] = "parentbased_traceidratio";
                    environment["OTEL_TRACES_SAMPLER_ARG"] = ratio;
                }));
            }
        }
        foreach (var service in projects.Where(p => RunOnceManifest.WaitersOf(model, p).Count == 0))
        {
            service.Annotations.Add(new Lifetime.RestartOnFailureAnnotation());
            ProjectHealth.Apply(service);
        }
        return assemblies;
    }

    private static void RequireTools(DistributedApplicationModel model)
    {
        var tools = model.Resources.SelectMany(r => r.Annotations.OfType<NativeProcessAnnotation>().Select(a => a.Program)
                .Concat(r.Annotations.OfType<NativeToolAnnotation>().Select(a => a.Tool)))
            .Append(ServiceAccount.IsNeeded ? NativeTool.Setpriv : null)
            .OfType<NativeTool>()
            .Distinct();
        var missing = tools.Where(t => t.Locate() is null).ToList();
        if (missing.Count > 0)
        {
            throw new DistributedApplicationException(NativeTool.MissingMessage(missing));
        }
    }

    /// <summary>The account must be able to enter the folders that hold its data and the services' build output; a
    /// private home (<c>/root</c>, mode 700) that holds the checkout lets it in, and nobody else, by an ACL entry.</summary>
    private void GrantTraverse(ServiceAccount account, IEnumerable<string> paths)
    {
        foreach (var directory in paths.SelectMany(TraverseGrant.ClosedAncestors).Distinct())
        {
            bool granted;
            try
            {
                granted = TraverseGrant.Grant(directory, account.UserId);
            }
            catch (IOException e)
            {
                throw new DistributedApplicationException(
                    $"User '{account.Name}', which the resources run as because the AppHost runs as root, cannot enter '{directory}' ({e.Message}). " +
                    $"Fix: `chmod o+x {directory}`, or clone the repository outside it.");
            }
            if (granted)
            {
                logger.LogInformation("User '{Account}' may now enter '{Directory}' (ACL entry u:{Account}:x; `setfacl -x u:{Account} {Directory}` removes it).",
                    account.Name, directory, account.Name, account.Name, directory);
            }
        }
    }

    /// <summary>Runs the resource's command through <c>setpriv</c> as the account, with the account's home.</summary>
    private static void RunAs(IResource resource, ServiceAccount account, string home)
    {
        var launch = resource.Annotations.OfType<ExecutableAnnotation>().LastOrDefault();
        if (launch is null)
        {
            return; // A project Aspire launches itself (no recorded build output): it keeps the AppHost's user.
        }
        var program = launch.Command;
        launch.Command = NativeTool.Setpriv.Path;
        string[] prefix = [.. account.SetprivArguments(), program];
        resource.Annotations.Add(new CommandLineArgsCallbackAnnotation(args =>
        {
            for (var i = 0; i < prefix.Length; i++)
            {
                args.Insert(i, prefix[i]);
            }
        }));
        resource.Annotations.Add(new EnvironmentCallbackAnnotation(environment =>
        {
            environment["HOME"] = home;
            environment["USER"] = environment["LOGNAME"] = account.Name;
        }));
    }
}
