using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Platform.Deployment.Aws.Alarms;
using Platform.Deployment.Aws.Storage;
using Platform.Deployment.Aws.Synthesis;
using Platform.Deployment.Aws.Values;

namespace Platform.Deployment.Aws.Services;

/// <summary>
/// Projects and containers as Fargate services in the private subnets: the circuit breaker rolling back a release
/// whose tasks do not become healthy (and, behind a load balancer, blue/green releases with alarm rollback: see
/// Rollouts/), Service Connect names for their bindings, a load balancer for an external HTTP binding, autoscaling,
/// queue alarms for a service that scales on its backlog. Each task may reach only what it uses.
/// </summary>
internal sealed class FargateServices(DeploymentContext context, Cluster cluster, IncludedTemplates templates)
{
    /// <summary>Gives every service's bindings their Service Connect addresses, before any value that uses them is resolved.</summary>
    public void RegisterEndpoints(IReadOnlyDictionary<string, SecurityGroup> securityGroups)
    {
        foreach (var workload in context.Plan.Services)
        {
            var connections = new Connections_(new ConnectionsProps { SecurityGroups = [securityGroups[workload.Name]] });
            foreach (var port in ServicePorts.Of(workload, context.Settings.ProjectPort))
            {
                var text = port.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
                foreach (var binding in port.Bindings)
                {
                    var manifestBinding = workload.Resource.Bindings[binding];
                    context.Endpoints.Add(workload.Name, binding, ServicePorts.PublicName(context.Settings, workload.Name, manifestBinding) is { } name
                        ? new Endpoint(name, "443", null, "https", null)
                        : new Endpoint(workload.Name, text, port.Port, port.InternalScheme(manifestBinding.Scheme), connections));
                }
            }
        }
    }

    public IReadOnlyDictionary<string, FargateService> Create(IEnumerable<WorkloadTask> services)
    {
        var loadBalancers = new LoadBalancers(context);
        var tls = new ServiceConnectTls(context);
        var created = new Dictionary<string, FargateService>();
        foreach (var task in services)
        {
            var settings = context.Settings.For(task.Workload.Name, task.Workload.SingleWriter);
            var ports = ServicePorts.Of(task.Workload, context.Settings.ProjectPort);
            var external = ports.Where(p => p.External).ToList();
            var service = new FargateService(context.Stack, LogicalIds.Of(task.Workload.Name) + "Service", new FargateServiceProps
            {
                Cluster = cluster,
                TaskDefinition = task.Definition,
                DesiredCount = settings.MinTasks,
                MinHealthyPercent = settings.MinHealthyPercent,
                MaxHealthyPercent = settings.MaxHealthyPercent,
                CircuitBreaker = new DeploymentCircuitBreaker { Enable = true, Rollback = true },
                HealthCheckGracePeriod = external.Count == 0 ? null : Duration.Seconds(settings.HealthCheckGracePeriodSeconds!.Value),
                VpcSubnets = context.PrivateSubnets,
                AssignPublicIp = false,
                SecurityGroups = [task.SecurityGroup],
                PropagateTags = PropagatedTagSource.SERVICE,
                ServiceConnectConfiguration = new ServiceConnectProps
                {
                    // A service without bindings is a client only: it can still call the others by name.
                    Services = [.. ports.Select((p, i) => new ServiceConnectService
                    {
                        PortMappingName = p.Name,
                        DiscoveryName = i == 0 ? task.Workload.Name : $"{task.Workload.Name}-{p.Name}",
                        DnsName = task.Workload.Name,
                        Port = p.Port,
                    })],
                },
            });
            tls.Apply(service, ports.Count);
            if (task.FileSystem is { } fileSystem)
            {
                // A task started before the mount targets exist fails, and the circuit breaker would roll the service back.
                service.Node.AddDependency(fileSystem.MountTargetsAvailable);
            }
            if (external.Count > 0)
            {
                loadBalancers.Expose(task.Workload, service, external);
            }
            Scaling.Configure(context, cluster, task, service, settings);
            if (settings.QueueBacklogPerTaskTarget is not null)
            {
                QueueAlarms.Create(context, cluster, task.Workload.Name, service);
            }
            templates.Grant(task.Workload.Name, task.Definition.TaskRole);
            created.Add(task.Workload.Name, service);
        }
        return created;
    }

    /// <summary>Lets each task through to the addresses it uses, on their ports only.</summary>
    public static void AllowAccess(DeploymentContext context, IEnumerable<WorkloadTask> tasks)
    {
        foreach (var task in tasks)
        {
            foreach (var resource in task.Uses)
            {
                // A server outside the stack has no security group here; a task's own ports need no rule; a port two bindings share, one.
                foreach (var endpoint in context.Endpoints.Of(resource)
                    .Where(e => e is { Connections: not null, TargetPort: not null } && e.Connections.SecurityGroups.All(g => g != task.SecurityGroup))
                    .DistinctBy(e => (e.Connections, e.TargetPort)))
                {
                    endpoint.Connections!.AllowFrom(task.SecurityGroup, Port.Tcp(endpoint.TargetPort!.Value), $"from '{task.Workload.Name}'");
                }
            }
        }
    }
}
