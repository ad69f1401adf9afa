using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Platform.Deployment.Aws.Synthesis;

namespace Platform.Deployment.Aws.Https;

/// <summary>
/// The listeners a load balancer serves the internet on: HTTPS on 443 with the service's certificate and a TLS 1.3/1.2
/// policy, and port 80 answering every request with a permanent redirect to HTTPS. With <c>allowPlainHttp</c>, plain
/// HTTP on port 80 instead. Each forwards to the service's target group; the rollout adds its rules.
/// </summary>
internal static class PublicListeners
{
    /// <summary>TLS 1.3 and 1.2 with restricted ciphers and hybrid post-quantum key exchange: AWS's recommended policy (CloudFormation's default is 2016's).</summary>
    public const string TlsPolicy = "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09";

    public static ApplicationListener Create(DeploymentContext context, Certificates certificates, string resource, ApplicationLoadBalancer loadBalancer, int port, IApplicationTargetGroup targets, bool open)
    {
        var id = LogicalIds.Of(resource);
        if (!context.Settings.Https)
        {
            return loadBalancer.AddListener(id + (port == 80 ? "Http" : $"Port{port}"), new BaseApplicationListenerProps
            {
                Port = port,
                Protocol = ApplicationProtocol.HTTP,
                Open = open,
                DefaultAction = ListenerAction.Forward([targets]),
            });
        }
        var listener = loadBalancer.AddListener(id + (port == 443 ? "Https" : $"Port{port}"), new BaseApplicationListenerProps
        {
            Port = port,
            Protocol = ApplicationProtocol.HTTPS,
            Certificates = [ListenerCertificate.FromCertificateManager(certificates.For(resource))],
            Open = open,
            DefaultAction = ListenerAction.Forward([targets]),
        });
        ((CfnListener)listener.Node.DefaultChild!).SslPolicy = TlsPolicy;
        return listener;
    }

    /// <summary>Port 80 with HTTPS: a 301 to the same host, path and query on 443.</summary>
    public static void RedirectPlainHttp(DeploymentContext context, ApplicationLoadBalancer loadBalancer)
    {
        if (context.Settings.Https)
        {
            loadBalancer.AddRedirect(new ApplicationLoadBalancerRedirectConfig
            {
                SourcePort = 80,
                SourceProtocol = ApplicationProtocol.HTTP,
                TargetPort = 443,
                TargetProtocol = ApplicationProtocol.HTTPS,
                Open = true,
            });
        }
    }

    public static int ProductionPort(DeploymentContext context) => context.Settings.Https ? 443 : 80;
}
