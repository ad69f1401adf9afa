using Amazon.CDK;
using Amazon.CDK.AWS.ECS;
using Platform.Deployment.Aws.Synthesis;

namespace Platform.Deployment.Aws.Fargate;

/// <summary>
/// A workload's Fargate service in the private subnets: the circuit breaker rolling back a release whose tasks do not
/// become healthy (and, behind a load balancer, blue/green releases with alarm rollback: see Rollouts/), Service Connect
/// names for its bindings, a load balancer for its external HTTP bindings, autoscaling, queue alarms for a service that
/// scales on its backlog, and the buckets of the templates that reference it.
/// </summary>
internal static class FargateServices
{
    public static FargateService Create(DeploymentContext context, FargateWorkload owner, SharedParts shared)
    {
        var workload = owner.Workload;
        var settings = context.Settings.For(workload.Name, workload.SingleWriter);
        var ports = ServicePorts.Of(workload, context.Settings.ProjectPort);
        var external = ports.Where(p => p.External).ToList();
        // At the top of the stack: its scaling policies are named after its path (FargateWorkload).
        var service = new FargateService(context.Stack, LogicalIds.Of(workload.Name) + "Service", new FargateServiceProps
        {
            Cluster = shared.Cluster,
            TaskDefinition = owner.Definition,
            DesiredCount = settings.MinTasks,
            MinHealthyPercent = settings.MinHealthyPercent,
            MaxHealthyPercent = settings.MaxHealthyPercent,
            CircuitBreaker = new DeploymentCircuitBreaker { Enable = true, Rollback = true },
            HealthCheckGracePeriod = external.Count == 0 ? null : Duration.Seconds(settings.HealthCheckGracePeriodSeconds!.Value),
            VpcSubnets = context.PrivateSubnets,
            AssignPublicIp = false,
            SecurityGroups = [owner.SecurityGroup],
            PropagateTags = PropagatedTagSource.SERVICE,
            ServiceConnectConfiguration = new ServiceConnectProps
            {
                // A service without bindings is a client only: it can still call the others by name.
                Services = [.. ports.Select((p, i) => new ServiceConnectService
                {
                    PortMappingName = p.Name,
                    DiscoveryName = i == 0 ? workload.Name : $"{workload.Name}-{p.Name}",
                    DnsName = workload.Name,
                    Port = p.Port,
                })],
            },
        });
        shared.ServiceConnectTls.Apply(service, ports.Count);
        if (owner.FileSystem is { } fileSystem)
        {
            // A task started before the mount targets exist fails, and the circuit breaker would roll the service back.
            service.Node.AddDependency(fileSystem.MountTargetsAvailable);
        }
        if (external.Count > 0)
        {
            shared.LoadBalancers.Expose(owner, service, external);
        }
        Scaling.Configure(context, shared.Cluster, owner, service, settings);
        if (settings.QueueBacklogPerTaskTarget is not null)
        {
            QueueAlarms.Create(context, shared.Cluster, owner, service);
        }
        owner.Grant(shared);
        return service;
    }
}
