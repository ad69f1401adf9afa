using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Platform.Deployment.Aws.Alarms;
using Platform.Deployment.Aws.Firewall;
using Platform.Deployment.Aws.Https;
using Platform.Deployment.Aws.Rollouts;
using Platform.Deployment.Aws.Settings;
using Platform.Deployment.Aws.Synthesis;

namespace Platform.Deployment.Aws.Fargate;

/// <summary>
/// A service with external HTTP bindings gets an internet-facing Application Load Balancer of its own in the public subnets: HTTPS
/// with its certificate and name (Https/), the web application firewall (Firewall/), target groups checking
/// <c>/alive</c> and the rollout's listener rules (Rollouts/), and the SLA alarms that roll a release back (Alarms/).
/// The stack outputs the service's address.
/// </summary>
internal sealed class LoadBalancers(DeploymentContext context)
{
    private readonly Certificates _certificates = new(context);
    private readonly WebFirewall _firewall = new(context);
    private readonly DeploymentStrategy _strategy = new(context);

    /// <param name="ports">The workload's external ports: the first is served on 443 (80 with plain HTTP) and released
    /// blue/green; any other on its own port of the same load balancer, and then the service rolls.</param>
    public void Expose(FargateWorkload owner, FargateService service, IReadOnlyList<ServicePort> ports)
    {
        var resource = owner.Resource;
        var id = LogicalIds.Of(resource);
        // At the top of the stack: its security group is named after its path (FargateWorkload).
        var loadBalancer = new ApplicationLoadBalancer(context.Stack, id + "LoadBalancer", new ApplicationLoadBalancerProps
        {
            Vpc = context.Vpc,
            InternetFacing = true,
            VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PUBLIC },
            DropInvalidHeaderFields = true,
        });
        var health = HealthChecks.For(owner.Workload);
        var blueGreen = ports.Count == 1 && context.Settings.For(resource).DeploymentStrategy == DeploymentStrategies.BlueGreen;
        var traffic = TrafficRoutes.Create(context, _certificates, owner, loadBalancer, ports[0], health, blueGreen);
        service.LoadBalancerTarget(new LoadBalancerTargetOptions { ContainerName = resource, ContainerPort = ports[0].Port }).AttachToApplicationTargetGroup(traffic.Primary);
        foreach (var port in ports.Skip(1))
        {
            var targets = TrafficRoutes.TargetGroup(context, owner, id + LogicalIds.Of(port.Name), port, health);
            PublicListeners.Create(context, _certificates, resource, loadBalancer, port.PublicPort!.Value, targets, open: true);
            service.LoadBalancerTarget(new LoadBalancerTargetOptions { ContainerName = resource, ContainerPort = port.Port }).AttachToApplicationTargetGroup(targets);
        }
        _firewall.Protect(owner, loadBalancer);
        context.AccessLogs.Record(loadBalancer, resource);
        AliasRecords.Create(context, _certificates, owner, loadBalancer);
        var alarms = ServiceAlarms.Create(context, owner, traffic);
        _strategy.Apply(resource, service, traffic, alarms.Select(a => a.AlarmName));
        new CfnOutput(owner, id + "Url", new CfnOutputProps
        {
            Description = $"Address of '{resource}'",
            Value = context.Settings.Https
                ? $"https://{ServiceNames.Of(context.Settings, resource) ?? loadBalancer.LoadBalancerDnsName}"
                : $"http://{loadBalancer.LoadBalancerDnsName}",
        });
    }
}
