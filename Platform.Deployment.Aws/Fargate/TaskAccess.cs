using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Platform.Deployment.Aws.Values;

namespace Platform.Deployment.Aws.Fargate;

/// <summary>
/// Lets each task through to the addresses it uses, on their ports only: a server of the stack admits the task's
/// security group, which may send to that server's group alone (the CDK writes both rules); a server outside the stack
/// (a service given in <c>externalServices</c>, a connection string's server) has no group here, so the task may send to
/// its port anywhere. Nothing else leaves a task but HTTPS (<see cref="FargateWorkload.SecurityGroupFor"/>).
/// </summary>
internal static class TaskAccess
{
    public static void Allow(IEnumerable<FargateWorkload> workloads, Addresses addresses)
    {
        foreach (var workload in workloads)
        {
            // A task's own ports need no rule; a port two bindings share, one.
            var endpoints = workload.Uses.Select(u => addresses.Of(u.Resource, u.Binding)).OfType<Endpoint>()
                .Where(e => e.Connections?.SecurityGroups.All(g => g != workload.SecurityGroup) ?? true).ToList();
            foreach (var endpoint in endpoints.Where(e => e is { Connections: not null, TargetPort: not null }).DistinctBy(e => (e.Connections, e.TargetPort)))
            {
                endpoint.Connections!.AllowFrom(workload.SecurityGroup, Port.Tcp(endpoint.TargetPort!.Value), $"from {workload.Resource}");
            }
            foreach (var port in endpoints.Where(e => e.Connections is null).Select(e => e.Port).Distinct().Where(p => p != "443"))
            {
                // A literal port (an external service's address), or a stack parameter given at deployment.
                var number = int.TryParse(port, out var literal) ? literal : Token.AsNumber(port);
                workload.SecurityGroup.AddEgressRule(Peer.AnyIpv4(), Port.TcpRange(number, number), "to a server outside the stack");
            }
        }
    }
}
