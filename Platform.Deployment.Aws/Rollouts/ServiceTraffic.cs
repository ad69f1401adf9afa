using Amazon.CDK.AWS.ElasticLoadBalancingV2;

namespace Platform.Deployment.Aws.Rollouts;

/// <summary>
/// How a load-balanced service is reached: its primary target group and, for blue/green, the alternate one with the
/// production and test listener rules that ECS moves between them.
/// </summary>
internal sealed record ServiceTraffic(
    ApplicationLoadBalancer LoadBalancer,
    ApplicationTargetGroup Primary,
    ApplicationTargetGroup? Alternate,
    ApplicationListenerRule? ProductionRule,
    ApplicationListenerRule? TestRule)
{
    public IEnumerable<ApplicationTargetGroup> TargetGroups => Alternate is null ? [Primary] : [Primary, Alternate];
}
