using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Platform.Deployment.Aws.Logs;
using Platform.Deployment.Aws.Settings;

namespace Platform.Deployment.Aws.Network;

/// <summary>
/// The VPC: public subnets for the load balancers only, private subnets with NAT egress for the tasks (they pull
/// images and read secrets), isolated subnets without any route out for the data services. Flow logs record traffic.
/// </summary>
internal static class VirtualNetwork
{
    public static IVpc Create(Stack stack, DeploymentSettings settings)
    {
        var vpc = new Vpc(stack, "Vpc", new VpcProps
        {
            MaxAzs = settings.MaxAzs,
            NatGateways = settings.NatGateways,
            SubnetConfiguration =
            [
                // Nothing there needs a public IP of its own: load balancers and NAT gateways have theirs.
                new SubnetConfiguration { Name = "LoadBalancers", SubnetType = SubnetType.PUBLIC, CidrMask = 24, MapPublicIpOnLaunch = false },
                new SubnetConfiguration { Name = "Tasks", SubnetType = SubnetType.PRIVATE_WITH_EGRESS, CidrMask = 20 },
                new SubnetConfiguration { Name = "Data", SubnetType = SubnetType.PRIVATE_ISOLATED, CidrMask = 24 },
            ],
        });
        vpc.AddFlowLog("FlowLog", new FlowLogOptions
        {
            Destination = FlowLogDestination.ToCloudWatchLogs(LogGroups.Create(stack, "FlowLogGroup", settings)),
            TrafficType = FlowLogTrafficType.REJECT,
        });
        return vpc;
    }
}
