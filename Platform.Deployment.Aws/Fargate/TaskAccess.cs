using Amazon.CDK.AWS.EC2;
using Platform.Deployment.Aws.Values;

namespace Platform.Deployment.Aws.Fargate;

/// <summary>Lets each task through to the addresses it uses, on their ports only.</summary>
internal static class TaskAccess
{
    public static void Allow(IEnumerable<FargateWorkload> workloads, Addresses addresses)
    {
        foreach (var workload in workloads)
        {
            foreach (var resource in workload.Uses)
            {
                // A server outside the stack has no security group here; a task's own ports need no rule; a port two bindings share, one.
                foreach (var endpoint in addresses.Of(resource)
                    .Where(e => e is { Connections: not null, TargetPort: not null } && e.Connections.SecurityGroups.All(g => g != workload.SecurityGroup))
                    .DistinctBy(e => (e.Connections, e.TargetPort)))
                {
                    endpoint.Connections!.AllowFrom(workload.SecurityGroup, Port.Tcp(endpoint.TargetPort!.Value), $"from '{workload.Resource}'");
                }
            }
        }
    }
}
