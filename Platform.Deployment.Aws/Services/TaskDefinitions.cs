using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Platform.Deployment.Aws.Logs;
using Platform.Deployment.Aws.Plan;
using Platform.Deployment.Aws.Synthesis;
using Platform.Deployment.Aws.Telemetry;
using Platform.Deployment.Aws.Values;
using Platform.Manifest;
using EcsSecret = Amazon.CDK.AWS.ECS.Secret;

namespace Platform.Deployment.Aws.Services;

/// <summary>A workload's task: its definition, its security group, and the resources whose addresses it uses.</summary>
internal sealed record WorkloadTask(Workload Workload, FargateTaskDefinition Definition, SecurityGroup SecurityGroup, IReadOnlySet<string> Uses)
{
    /// <summary>The file system of its volumes, whose mount targets must exist before a task starts.</summary>
    public Amazon.CDK.AWS.EFS.FileSystem? FileSystem { get; init; }

    public string ContainerName => Workload.Name;
}

/// <summary>
/// Task definitions: the manifest's environment, every value that holds a parameter or connection string as an
/// ECS secret (read by the execution role at start, never a plain variable), a log group per workload, and a
/// task role of its own that starts with no permission at all.
/// </summary>
internal sealed class TaskDefinitions(DeploymentContext context, Images images, TaskValues values, CollectorSidecar collector)
{
    public WorkloadTask Create(Workload workload, SecurityGroup securityGroup, bool withCollector)
    {
        var id = LogicalIds.Of(workload.Name);
        var size = context.Settings.For(workload.Name);
        var definition = new FargateTaskDefinition(context.Stack, id + "Task", new FargateTaskDefinitionProps
        {
            Family = $"{context.Settings.StackName}-{workload.Name}",
            Cpu = size.Cpu!.Value,
            MemoryLimitMiB = size.MemoryMiB!.Value,
            RuntimePlatform = new RuntimePlatform { OperatingSystemFamily = OperatingSystemFamily.LINUX, CpuArchitecture = CpuArchitecture.X86_64 },
        });
        var uses = new HashSet<string>();
        var environment = new Dictionary<string, string> { ["OTEL_SERVICE_NAME"] = workload.Name };
        var secrets = new Dictionary<string, EcsSecret>();
        foreach (var (variable, template) in workload.Resource.Env.Where(e => !workload.DroppedVariables.ContainsKey(e.Key)))
        {
            switch (values.Map($"'{workload.Name}' env {variable}", context.Plan.Rewrites.Variable(workload.Resource.Env, variable, template), uses))
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
        var dotnet = workload.Resource is ManifestProject;
        var container = definition.AddContainer(workload.Name, new ContainerDefinitionOptions
        {
            ContainerName = workload.Name,
            Image = images.For(workload),
            Essential = true,
            // A hard limit: a leaking task is stopped, not left to starve the others. The collector's share is the rest of the task.
            MemoryLimitMiB = size.MemoryMiB!.Value - (withCollector ? context.Settings.Telemetry.CollectorMemoryMiB : 0),
            User = workload.User,
            ReadonlyRootFilesystem = workload.ReadOnlyRoot,
            EntryPoint = workload.Resource is ManifestContainer { Entrypoint: { } entrypoint } ? [entrypoint] : null,
            Command = workload.Resource.Args.Count > 0 ? [.. workload.Resource.Args.Select((arg, i) => Argument(workload, i, arg, uses))] : null,
            Environment = environment,
            Secrets = secrets,
            PortMappings = [.. ServicePorts.Of(workload, context.Settings.ProjectPort).Select(p => new PortMapping
            {
                Name = p.Name,
                ContainerPort = p.Port,
                Protocol = Amazon.CDK.AWS.ECS.Protocol.TCP,
                // Service Connect's proxy reads HTTP only where the container speaks it in the clear.
                AppProtocol = p.Tls ? null : p.Transport switch { "http" => AppProtocol.Http, "http2" => AppProtocol.Http2, _ => null },
            })],
            Logging = LogDrivers.AwsLogs(new AwsLogDriverProps
            {
                StreamPrefix = workload.Name,
                LogGroup = LogGroups.Create(context.Stack, id + "Logs", context.Settings),
            }),
        });
        if (dotnet)
        {
            foreach (var (volume, path) in new[] { ("tmp", "/tmp"), ("home", "/home/app") })
            {
                definition.AddVolume(new Amazon.CDK.AWS.ECS.Volume { Name = volume });
                container.AddMountPoints(new MountPoint { SourceVolume = volume, ContainerPath = path, ReadOnly = false });
            }
        }
        if (withCollector)
        {
            collector.Attach(workload.Name, definition, container);
        }
        return new WorkloadTask(workload, definition, securityGroup, uses)
        {
            FileSystem = FileSystems.TaskFileSystems.Attach(context, workload, definition, container, securityGroup),
        };
    }

    /// <summary>
    /// The security group of a workload's tasks, made before any task so that services can admit each other. Egress
    /// is open: tasks pull images and read secrets through the NAT, and reach the addresses they use.
    /// </summary>
    public SecurityGroup SecurityGroupFor(Workload workload) => new(context.Stack, LogicalIds.Of(workload.Name) + "SecurityGroup", new SecurityGroupProps
    {
        Vpc = context.Vpc,
        Description = $"Tasks of '{workload.Name}'",
        AllowAllOutbound = true,
    });

    /// <summary>A command-line argument: a process's arguments are visible to anyone who can describe the task, so no secret may be one.</summary>
    private string Argument(Workload workload, int index, string template, ISet<string> uses) =>
        values.Map($"'{workload.Name}' args[{index}]", template, uses) is PlainValue plain
            ? plain.Value
            : throw new DeploymentException($"'{workload.Name}' args[{index}] ('{template}') holds a secret, which a command line would show: pass it in an environment variable");
}
