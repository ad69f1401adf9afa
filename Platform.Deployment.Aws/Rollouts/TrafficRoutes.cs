using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Constructs;
using Platform.Deployment.Aws.Https;
using Platform.Deployment.Aws.Mappings;
using Platform.Deployment.Aws.Fargate;
using Platform.Deployment.Aws.Settings;
using Platform.Deployment.Aws.Synthesis;

namespace Platform.Deployment.Aws.Rollouts;

/// <summary>
/// The target groups and listener rules of a load-balanced service. Blue/green has two target groups (identical: ECS
/// registers the new revision's tasks in whichever is idle), a production rule on the public listener and a test rule
/// on the test listener, each forwarding to both with weights that ECS rewrites during a release.
/// These rules are made from nothing that changes between releases (no image tag, no deployment id): CloudFormation
/// would reset the weights ECS set whenever it updates them, sending production to an empty target group (aws-cdk#36649).
/// Their actions are forwards only, and so are their listeners' default actions: ECS's blue/green refuses listeners
/// that mix forward with redirect or fixed-response actions, which is why <c>/health</c> is blocked by the firewall.
/// </summary>
internal static class TrafficRoutes
{
    private const int RulePriority = 1;

    public static ServiceTraffic Create(DeploymentContext context, Certificates certificates, MappedResource owner, ApplicationLoadBalancer loadBalancer, ServicePort port, HealthCheckPath health, bool blueGreen)
    {
        var resource = owner.Resource;
        var id = LogicalIds.Of(resource);
        var primary = TargetGroup(context, owner, id + "Blue", port, health);
        var production = PublicListeners.Create(context, certificates, resource, loadBalancer, PublicListeners.ProductionPort(context), primary, open: true);
        PublicListeners.RedirectPlainHttp(context, loadBalancer);
        if (!blueGreen)
        {
            return new ServiceTraffic(loadBalancer, primary, null, null, null);
        }

        var alternate = TargetGroup(context, owner, id + "Green", port, health);
        var test = PublicListeners.Create(context, certificates, resource, loadBalancer, context.Settings.TestListenerPort, primary, open: false);
        foreach (var cidr in context.Settings.TestTrafficCidrs)
        {
            test.Connections.AllowDefaultPortFrom(Peer.Ipv4(cidr), "test traffic of blue/green releases");
        }
        return new ServiceTraffic(loadBalancer, primary, alternate,
            Rule(owner, id + "ProductionRule", production, primary, alternate),
            Rule(owner, id + "TestRule", test, primary, alternate));
    }

    private static ApplicationListenerRule Rule(Construct owner, string id, IApplicationListener listener, IApplicationTargetGroup primary, IApplicationTargetGroup alternate) =>
        new(owner, id, new ApplicationListenerRuleProps
        {
            Listener = listener,
            Priority = RulePriority,
            Conditions = [ListenerCondition.PathPatterns(["/*"])],
            Action = ListenerAction.WeightedForward(
            [
                new WeightedTargetGroup { TargetGroup = primary, Weight = 100 },
                new WeightedTargetGroup { TargetGroup = alternate, Weight = 0 },
            ]),
        });

    /// <summary>A target group of the service's tasks on <paramref name="port"/>, checked on <paramref name="health"/>.</summary>
    public static ApplicationTargetGroup TargetGroup(DeploymentContext context, Construct owner, string id, ServicePort port, HealthCheckPath health) => new(owner, id, new ApplicationTargetGroupProps
    {
        Vpc = context.Vpc,
        TargetType = TargetType.IP,
        Port = port.Port,
        Protocol = port.Tls ? ApplicationProtocol.HTTPS : ApplicationProtocol.HTTP,
        ProtocolVersion = port.Transport == "http2" ? ApplicationProtocolVersion.HTTP2 : ApplicationProtocolVersion.HTTP1,
        DeregistrationDelay = Duration.Seconds(30),
        HealthCheck = new Amazon.CDK.AWS.ElasticLoadBalancingV2.HealthCheck
        {
            Path = health.Path,
            HealthyHttpCodes = health.HealthyCodes,
            Interval = Duration.Seconds(15),
            Timeout = Duration.Seconds(5),
            HealthyThresholdCount = 2,
            UnhealthyThresholdCount = 3,
        },
    });
}
