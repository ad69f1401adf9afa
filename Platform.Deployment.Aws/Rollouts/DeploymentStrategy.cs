using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.IAM;
using Platform.Deployment.Aws.Synthesis;

namespace Platform.Deployment.Aws.Rollouts;

/// <summary>
/// How a load-balanced service rolls out, and the one place where the template is written past the CDK's typed API:
/// Amazon.CDK.Lib 2.160 has no ECS blue/green (<c>DeploymentConfiguration.Strategy</c>, <c>BakeTimeInMinutes</c>,
/// <c>LoadBalancers[].AdvancedConfiguration</c>), so those are property overrides, checked by the tests against the
/// CloudFormation schema. Blue/green: ECS starts the new revision in the idle target group, moves the test rule to it,
/// then the production rule, and keeps the old revision for the bake time; an alarm going off until then, or the
/// circuit breaker, moves traffic back at once. Rolling: the alarms and the circuit breaker roll back.
/// <c>DeploymentController</c> stays <c>ECS</c>, as the CDK already wrote it: changing it would replace the service.
/// </summary>
internal sealed class DeploymentStrategy(DeploymentContext context)
{
    private Role? _loadBalancerRole;

    public void Apply(string resource, FargateService service, ServiceTraffic traffic, IEnumerable<string> alarmNames)
    {
        service.EnableDeploymentAlarms([.. alarmNames], new DeploymentAlarmOptions { Behavior = AlarmBehavior.ROLLBACK_ON_ALARM });
        if (traffic.Alternate is null)
        {
            return;
        }
        var settings = context.Settings.For(resource);
        var template = (CfnService)service.Node.DefaultChild!;
        template.AddPropertyOverride("DeploymentConfiguration.Strategy", "BLUE_GREEN");
        template.AddPropertyOverride("DeploymentConfiguration.BakeTimeInMinutes", settings.BakeTimeMinutes!.Value);
        template.AddPropertyOverride("LoadBalancers.0.AdvancedConfiguration", new Dictionary<string, object>
        {
            ["AlternateTargetGroupArn"] = traffic.Alternate.TargetGroupArn,
            ["ProductionListenerRule"] = traffic.ProductionRule!.ListenerRuleArn,
            ["TestListenerRule"] = traffic.TestRule!.ListenerRuleArn,
            ["RoleArn"] = LoadBalancerRole().RoleArn,
        });
    }

    /// <summary>The role ECS assumes to move listener rules and register targets: AWS's managed policy made for this, on nothing else.</summary>
    private Role LoadBalancerRole() => _loadBalancerRole ??= new Role(context.Stack, "EcsLoadBalancerRole", new RoleProps
    {
        AssumedBy = new ServicePrincipal("ecs.amazonaws.com"),
        Description = "Lets ECS shift traffic between the target groups of blue/green releases",
        ManagedPolicies = [ManagedPolicy.FromAwsManagedPolicyName("AmazonECSInfrastructureRolePolicyForLoadBalancers")],
    });
}
