using Amazon.CDK;
using Amazon.CDK.AWS.AmazonMQ;
using Amazon.CDK.AWS.EC2;
using Platform.Deployment.Aws.Settings;
using Platform.Deployment.Aws.Network;
using Platform.Deployment.Aws.Synthesis;
using Platform.Deployment.Aws.Values;

namespace Platform.Deployment.Aws.Messaging;

/// <summary>
/// RabbitMQ containers as Amazon MQ for RabbitMQ brokers in the isolated subnets, not publicly accessible, reachable on
/// AMQPS (5671) and their web console (443) from the tasks that use them only. The user and its password are the
/// manifest's (Aspire's <c>guest</c> becomes <c>admin</c>: Amazon MQ refuses it). A cluster runs three nodes across
/// AZs behind one endpoint; a single instance one node. Minor versions are upgraded automatically.
/// </summary>
internal static class AmazonMqBrokers
{
    public static void Create(DeploymentContext context)
    {
        var settings = context.Settings.RabbitMq;
        foreach (var broker in context.Plan.Brokers)
        {
            var name = broker.Container.Name;
            var id = LogicalIds.Of(name);
            var securityGroup = ClosedSecurityGroups.Create(context, id + "SecurityGroup", $"Amazon MQ '{name}'");
            var subnets = context.Vpc.SelectSubnets(context.DataSubnets).SubnetIds;
            var cluster = settings.DeploymentMode == RabbitMqDeploymentModes.Cluster;
            var mq = new CfnBroker(context.Stack, id, new CfnBrokerProps
            {
                BrokerName = $"{context.Settings.StackName}-{name}",
                EngineType = "RABBITMQ",
                EngineVersion = settings.EngineVersion,
                HostInstanceType = settings.HostInstanceType,
                DeploymentMode = RabbitMqDeploymentModes.AmazonMq[settings.DeploymentMode],
                AutoMinorVersionUpgrade = true,
                PubliclyAccessible = false,
                // A single instance lives in one subnet; a cluster spreads over the AZs of those given.
                SubnetIds = cluster ? subnets : [subnets[0]],
                SecurityGroups = [securityGroup.SecurityGroupId],
                Logs = new CfnBroker.LogListProperty { General = true },
                Users = new object[]
                {
                    new CfnBroker.UserProperty
                    {
                        Username = broker.UserName,
                        Password = context.Parameters.Get(broker.Password).SecretValue.UnsafeUnwrap(),
                    },
                },
            });
            // The AMQP endpoint is amqps://<host>:5671: its host serves the web console on 443 too.
            var host = Fn.Select(0, Fn.Split(":", Fn.Select(1, Fn.Split("//", Fn.Select(0, mq.AttrAmqpEndpoints)))));
            var connections = new Connections_(new ConnectionsProps { SecurityGroups = [securityGroup] });
            foreach (var binding in broker.Container.Bindings.Keys)
            {
                var port = binding == RabbitMq.ManagementBinding ? RabbitMq.ConsolePort : RabbitMq.AmqpsPort;
                context.Endpoints.Add(name, binding, new Endpoint(host, port.ToString(System.Globalization.CultureInfo.InvariantCulture), port,
                    binding == RabbitMq.ManagementBinding ? "https" : "amqps", connections));
            }
        }
    }
}
