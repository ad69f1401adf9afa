using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.IAM;
using Platform.Deployment.Aws.Synthesis;

namespace Platform.Deployment.Aws.Fargate;

/// <summary>
/// Service Connect's TLS, with the settings' <c>serviceConnectTlsAuthorityArn</c>: the proxies beside the tasks encrypt
/// the traffic between them with certificates from that AWS Private CA, which ECS issues and rotates through a role with
/// AWS's policy made for this. The applications still speak plain HTTP to their own proxy, so addresses stay
/// <c>http://x:8080</c>. Amazon.CDK.Lib 2.160 has no typed API for it: a property override, checked against the schema.
/// </summary>
internal sealed class ServiceConnectTls(DeploymentContext context)
{
    private Role? _role;

    public void Apply(FargateService service, int services)
    {
        if (context.Settings.ServiceConnectTlsAuthorityArn is not { } authority)
        {
            return;
        }
        var template = (CfnService)service.Node.DefaultChild!;
        for (var i = 0; i < services; i++)
        {
            template.AddPropertyOverride($"ServiceConnectConfiguration.Services.{i}.Tls", new Dictionary<string, object>
            {
                ["IssuerCertificateAuthority"] = new Dictionary<string, object> { ["AwsPcaAuthorityArn"] = authority },
                ["RoleArn"] = Role().RoleArn,
            });
        }
    }

    private Role Role() => _role ??= new Role(context.Stack, "ServiceConnectTlsRole", new RoleProps
    {
        AssumedBy = new ServicePrincipal("ecs.amazonaws.com"),
        Description = "Lets ECS issue and rotate the Service Connect proxies' certificates from the settings' private CA",
        ManagedPolicies = [ManagedPolicy.FromAwsManagedPolicyName("service-role/AmazonECSInfrastructureRolePolicyForServiceConnectTransportLayerSecurity")],
    });
}
