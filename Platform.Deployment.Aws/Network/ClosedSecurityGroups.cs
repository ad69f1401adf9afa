using Amazon.CDK.AWS.EC2;
using Constructs;
using Platform.Deployment.Aws.Synthesis;

namespace Platform.Deployment.Aws.Network;

/// <summary>
/// The security group of a data service (a cache, a broker, a file system): no traffic out, and in only what the tasks
/// that use it are let through to (<see cref="Fargate.TaskAccess"/>, or the file system's own rule).
/// </summary>
internal static class ClosedSecurityGroups
{
    /// <param name="what">The service and its resource's name, as EC2 takes a description: letters, digits, spaces and <c>._-:/()#,@[]+=&amp;;{}!$*</c> only.</param>
    public static SecurityGroup Create(DeploymentContext context, Construct scope, string id, string what) => new(scope, id, new SecurityGroupProps
    {
        Vpc = context.Vpc,
        Description = $"{what}: reachable from the tasks that use it",
        AllowAllOutbound = false,
    });
}
