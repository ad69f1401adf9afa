using System.Globalization;
using Amazon.CDK;
using Amazon.CDK.AWS.AmazonMQ;
using Amazon.CDK.AWS.EC2;
using Platform.Deployment.Aws.Mappings;
using Platform.Deployment.Aws.Network;
using Platform.Deployment.Aws.Settings;
using Platform.Deployment.Aws.Synthesis;
using Platform.Deployment.Aws.Values;
using Endpoint = Platform.Deployment.Aws.Values.Endpoint;

namespace Platform.Deployment.Aws.AmazonMq;

/// <summary>
/// A RabbitMQ container as an Amazon MQ for RabbitMQ broker in the isolated subnets, not publicly accessible, reachable
/// on AMQPS (5671) and its web console (443) from the tasks that use it only. The user and its password are the
/// manifest's. A cluster runs three nodes across AZs behind one endpoint; a single instance one node. Minor versions are
/// upgraded automatically.
/// </summary>
internal sealed class AmazonMqBroker : MappedResource, IAddressable
{
    public AmazonMqBroker(DeploymentContext context, MessageBroker broker) : base(context.Stack, broker.Name)
    {
        var settings = context.Settings.RabbitMq;
        var securityGroup = ClosedSecurityGroups.Create(context, this, Id + "SecurityGroup", $"Amazon MQ {Resource}");
        var subnets = context.Vpc.SelectSubnets(context.DataSubnets).SubnetIds;
        var cluster = settings.DeploymentMode == RabbitMqDeploymentModes.Cluster;
        var mq = new CfnBroker(this, Id, new CfnBrokerProps
        {
            BrokerName = $"{context.Settings.StackName}-{Resource}",
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
        Endpoints = broker.Container.Bindings.Keys.ToDictionary(binding => binding, binding =>
        {
            var (port, scheme) = binding == RabbitMq.ManagementBinding ? (RabbitMq.ConsolePort, "https") : (RabbitMq.AmqpsPort, RabbitMq.TlsScheme);
            return new Endpoint(host, port.ToString(CultureInfo.InvariantCulture), port, scheme, connections);
        });
    }

    public IReadOnlyDictionary<string, Endpoint> Endpoints { get; }
}
