using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Amazon.CDK.AWS.WAFv2;
using Platform.Deployment.Aws.Mappings;
using Platform.Deployment.Aws.Synthesis;

namespace Platform.Deployment.Aws.Firewall;

/// <summary>
/// One regional AWS WAF web ACL, associated with every load balancer: AWS's managed rule groups against the OWASP
/// Top 10 (common rule set, known bad inputs, SQL injection, IP reputation), a rate limit per client IP, and
/// <c>/health</c> answered with 404 (see <see cref="FirewallRules"/>). Metrics and sampled requests are on for each rule.
/// </summary>
internal sealed class WebFirewall(DeploymentContext context)
{
    private CfnWebACL? _acl;

    public void Protect(MappedResource owner, IApplicationLoadBalancer loadBalancer)
    {
        _acl ??= Create();
        new CfnWebACLAssociation(owner, LogicalIds.Of(owner.Resource) + "Firewall", new CfnWebACLAssociationProps
        {
            ResourceArn = loadBalancer.LoadBalancerArn,
            WebAclArn = _acl.AttrArn,
        });
    }

    private CfnWebACL Create()
    {
        var name = $"{context.Settings.StackName}-firewall";
        return new CfnWebACL(context.Stack, "Firewall", new CfnWebACLProps
        {
            Name = name,
            Scope = "REGIONAL",
            Description = "In front of every load balancer of the stack",
            DefaultAction = new CfnWebACL.DefaultActionProperty { Allow = new CfnWebACL.AllowActionProperty() },
            VisibilityConfig = FirewallRules.Visibility(name),
            Rules = FirewallRules.All(context.Settings.Firewall),
        });
    }
}
