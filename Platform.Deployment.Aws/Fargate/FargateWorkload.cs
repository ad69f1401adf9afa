using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Platform.Deployment.Aws.Efs;
using Platform.Deployment.Aws.Mappings;
using Platform.Deployment.Aws.Synthesis;
using FileSystem = Amazon.CDK.AWS.EFS.FileSystem;

namespace Platform.Deployment.Aws.Fargate;

/// <summary>
/// A project or container on Fargate, with what it owns: its task definition (<see cref="TaskDefinitions"/>: its
/// container, the collector beside a service's, its volumes on EFS) and, for a service, its Fargate service
/// (<see cref="FargateServices"/>: Service Connect names, a load balancer for its external HTTP bindings, releases,
/// scaling, alarms); a run-once task is run by <see cref="RunOnce.RunOnceTasks"/>. Its security group, load balancer,
/// service and file system stay at the top of the stack, because the CDK names things after their path (a rule that
/// admits a task names its security group's; a load balancer's security group and a scaling policy are named after
/// theirs; a file system's Name tag is its path), and those names are deployed.
/// </summary>
internal sealed class FargateWorkload : MappedResource
{
    public FargateWorkload(DeploymentContext context, Workload workload, SecurityGroup securityGroup, SharedParts shared) : base(context.Stack, workload.Name)
    {
        Workload = workload;
        SecurityGroup = securityGroup;
        (Definition, var container, Uses) = TaskDefinitions.Create(context, this, shared);
        FileSystem = TaskFileSystems.Attach(context, this, container);
        if (workload.RunOnce)
        {
            Grant(shared);
        }
        else
        {
            Service = FargateServices.Create(context, this, shared);
        }
    }

    public Workload Workload { get; }

    /// <summary>The security group of its tasks, which the resources it uses admit.</summary>
    public SecurityGroup SecurityGroup { get; }

    public FargateTaskDefinition Definition { get; }

    /// <summary>The bindings whose addresses its values use: it may reach those, on their ports.</summary>
    public IReadOnlySet<(string Resource, string Binding)> Uses { get; }

    /// <summary>The file system of its volumes, whose mount targets must exist before a task starts.</summary>
    public FileSystem? FileSystem { get; }

    /// <summary>Its Fargate service; none for a run-once task.</summary>
    public FargateService? Service { get; }

    /// <summary>
    /// The security group of a workload's tasks, made before any task so that services can admit each other. Out, only
    /// HTTPS (443) through the NAT: Fargate pulls the images, reads the secrets and ships the logs through the task's own
    /// network interface, the collector sends to X-Ray and CloudWatch, the services call S3 and each other's public
    /// addresses. Each address a task uses adds its port to exactly its server (<see cref="TaskAccess"/>).
    /// </summary>
    public static SecurityGroup SecurityGroupFor(DeploymentContext context, Workload workload)
    {
        var securityGroup = new SecurityGroup(context.Stack, LogicalIds.Of(workload.Name) + "SecurityGroup", new SecurityGroupProps
        {
            Vpc = context.Vpc,
            Description = $"Tasks of {workload.Name}",
            AllowAllOutbound = false,
        });
        securityGroup.AddEgressRule(Peer.AnyIpv4(), Port.Tcp(443), "HTTPS to AWS endpoints through the NAT");
        return securityGroup;
    }

    /// <summary>The buckets of the included templates that list it as a reference.</summary>
    public void Grant(SharedParts shared)
    {
        foreach (var template in shared.Templates)
        {
            template.Grant(Resource, Definition.TaskRole);
        }
    }
}
