using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Amazon.CDK.AWS.Route53;
using Amazon.CDK.AWS.Route53.Targets;
using Platform.Deployment.Aws.Mappings;
using Platform.Deployment.Aws.Synthesis;

namespace Platform.Deployment.Aws.Https;

/// <summary>An alias record per external service (<c>api.example.com</c> → its load balancer), where the settings name a hosted zone.</summary>
internal static class AliasRecords
{
    public static void Create(DeploymentContext context, Certificates certificates, MappedResource owner, IApplicationLoadBalancer loadBalancer)
    {
        var resource = owner.Resource;
        if (context.Settings.HostedZoneId is null || ServiceNames.Of(context.Settings, resource) is not { } name)
        {
            return;
        }
        new ARecord(owner, LogicalIds.Of(resource) + "Alias", new ARecordProps
        {
            Zone = certificates.Zone(),
            RecordName = name + ".",
            Target = RecordTarget.FromAlias(new LoadBalancerTarget(loadBalancer)),
        });
    }
}
