using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Platform.Deployment.Aws.Synthesis;

namespace Platform.Deployment.Aws.Services;

/// <summary>
/// An external HTTP binding gets an internet-facing Application Load Balancer of its own in the public subnets.
/// Its target group checks <c>/health</c> (ServiceDefaults maps it in every environment), which the deployment
/// circuit breaker watches. The stack outputs the load balancer's address.
/// </summary>
internal static class LoadBalancers
{
    public static void Expose(DeploymentContext context, string resource, FargateService service, ServicePort port)
    {
        var id = LogicalIds.Of(resource);
        var loadBalancer = new ApplicationLoadBalancer(context.Stack, id + "LoadBalancer", new ApplicationLoadBalancerProps
        {
            Vpc = context.Vpc,
            InternetFacing = true,
            VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PUBLIC },
            DropInvalidHeaderFields = true,
        });
        var listener = loadBalancer.AddListener(id + "Http", new BaseApplicationListenerProps { Port = 80, Open = true });
        listener.AddTargets(id + "Targets", new AddApplicationTargetsProps
        {
            Port = port.Port,
            Protocol = ApplicationProtocol.HTTP,
            ProtocolVersion = port.Transport == "http2" ? ApplicationProtocolVersion.HTTP2 : ApplicationProtocolVersion.HTTP1,
            Targets = [service.LoadBalancerTarget(new LoadBalancerTargetOptions { ContainerName = resource, ContainerPort = port.Port })],
            DeregistrationDelay = Duration.Seconds(30),
            HealthCheck = new Amazon.CDK.AWS.ElasticLoadBalancingV2.HealthCheck
            {
                Path = "/health",
                HealthyHttpCodes = "200",
                Interval = Duration.Seconds(15),
                Timeout = Duration.Seconds(5),
                HealthyThresholdCount = 2,
                UnhealthyThresholdCount = 3,
            },
        });
        new CfnOutput(context.Stack, id + "Url", new CfnOutputProps
        {
            Description = $"Address of '{resource}'",
            Value = $"http://{loadBalancer.LoadBalancerDnsName}",
        });
    }
}
