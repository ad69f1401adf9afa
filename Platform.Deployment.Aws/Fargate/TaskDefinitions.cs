using Amazon.CDK.AWS.ECS;
using Platform.Deployment.Aws.Logs;
using Platform.Deployment.Aws.Synthesis;
using Platform.Deployment.Aws.Values;
using Platform.Manifest;
using EcsSecret = Amazon.CDK.AWS.ECS.Secret;

namespace Platform.Deployment.Aws.Fargate;

/// <summary>
/// A workload's task definition: the manifest's environment, every value that holds a parameter or connection string
/// as an ECS secret (read by the execution role at start, never a plain variable), a log group of its own, a task role
/// that starts with no permission at all, and beside a service's container the telemetry collector (a run-once task
/// exits in minutes, before a collector would have flushed anything: it logs only).
/// </summary>
internal static class TaskDefinitions
{
    /// <summary>The definition, its workload's container, and the resources whose addresses the container's values use.</summary>
    public static (FargateTaskDefinition Definition, ContainerDefinition Container, IReadOnlySet<(string Resource, string Binding)> Uses) Create(DeploymentContext context, FargateWorkload owner, SharedParts shared)
    {
        var workload = owner.Workload;
        var id = LogicalIds.Of(workload.Name);
        var size = context.Settings.For(workload.Name);
        var withCollector = !workload.RunOnce;
        var definition = new FargateTaskDefinition(owner, id + "Task", new FargateTaskDefinitionProps
        {
            Family = $"{context.Settings.StackName}-{workload.Name}",
            Cpu = size.Cpu!.Value,
            MemoryLimitMiB = size.MemoryMiB!.Value,
            RuntimePlatform = new RuntimePlatform { OperatingSystemFamily = OperatingSystemFamily.LINUX, CpuArchitecture = CpuArchitecture.X86_64 },
        });
        var uses = new HashSet<(string Resource, string Binding)>();
        var environment = new Dictionary<string, string> { ["OTEL_SERVICE_NAME"] = workload.Name };
        var secrets = new Dictionary<string, EcsSecret>();
        foreach (var (variable, template) in workload.Resource.Env.Where(e => !workload.DroppedVariables.ContainsKey(e.Key)))
        {
            switch (shared.Values.Map($"'{workload.Name}' env {variable}", context.Plan.Rewrites.Variable(workload.Resource.Env, variable, template), uses))
            {
                case PlainValue plain:
                    environment[variable] = plain.Value;
                    break;
                case SecretTaskValue secret:
                    environment.Remove(variable);
                    secrets[variable] = EcsSecret.FromSecretsManager(secret.Secret);
                    break;
            }
        }
        var container = definition.AddContainer(workload.Name, new ContainerDefinitionOptions
        {
            ContainerName = workload.Name,
            Image = shared.Images.For(owner),
            Essential = true,
            // A hard limit: a leaking task is stopped, not left to starve the others. The collector's share is the rest of the task.
            MemoryLimitMiB = size.MemoryMiB!.Value - (withCollector ? context.Settings.Telemetry.CollectorMemoryMiB : 0),
            User = workload.User,
            ReadonlyRootFilesystem = workload.ReadOnlyRoot,
            EntryPoint = workload.Resource is ManifestContainer { Entrypoint: { } entrypoint } ? [entrypoint] : null,
            Command = workload.Resource.Args.Count > 0 ? [.. workload.Resource.Args.Select((arg, i) => Argument(workload, i, arg, shared.Values, uses))] : null,
            Environment = environment,
            Secrets = secrets,
            PortMappings = [.. ServicePorts.Of(workload, context.Settings.ProjectPort).Select(p => new PortMapping
            {
                Name = p.Name,
                ContainerPort = p.Port,
                Protocol = Protocol.TCP,
                // Service Connect's proxy reads HTTP only where the container speaks it in the clear.
                AppProtocol = p.Tls ? null : p.Transport switch { "http" => AppProtocol.Http, "http2" => AppProtocol.Http2, _ => null },
            })],
            Logging = LogDrivers.AwsLogs(new AwsLogDriverProps
            {
                StreamPrefix = workload.Name,
                LogGroup = LogGroups.Create(owner, id + "Logs", context.Settings),
            }),
        });
        if (workload.Resource is ManifestProject)
        {
            // .NET's images need to write below /tmp and their home only, which a read-only root leaves them as volumes of the task.
            foreach (var (volume, path) in new[] { ("tmp", "/tmp"), ("home", "/home/app") })
            {
                definition.AddVolume(new Amazon.CDK.AWS.ECS.Volume { Name = volume });
                container.AddMountPoints(new MountPoint { SourceVolume = volume, ContainerPath = path, ReadOnly = false });
            }
        }
        if (withCollector)
        {
            shared.Collector.Attach(owner, definition, container);
        }
        return (definition, container, uses);
    }

    /// <summary>A command-line argument: a process's arguments are visible to anyone who can describe the task, so no secret may be one.</summary>
    private static string Argument(Workload workload, int index, string template, TaskValues values, ISet<(string Resource, string Binding)> uses) =>
        values.Map($"'{workload.Name}' args[{index}]", template, uses) is PlainValue plain
            ? plain.Value
            : throw new DeploymentException($"'{workload.Name}' args[{index}] ('{template}') holds a secret, which a command line would show: pass it in an environment variable");
}
