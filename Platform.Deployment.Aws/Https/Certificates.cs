using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.Route53;
using Platform.Deployment.Aws.Synthesis;

namespace Platform.Deployment.Aws.Https;

/// <summary>
/// The TLS certificate of each external service: the settings' <c>certificateArn</c> for all of them, or one ACM
/// certificate per service name, validated through DNS in the settings' hosted zone (CloudFormation writes the
/// validation record and waits until the certificate is issued). ACM renews these on its own.
/// </summary>
internal sealed class Certificates(DeploymentContext context)
{
    private readonly Dictionary<string, ICertificate> _made = [];
    private ICertificate? _given;
    private IHostedZone? _zone;

    public ICertificate For(string resource)
    {
        var settings = context.Settings;
        if (settings.CertificateArn is { } arn)
        {
            return _given ??= Certificate.FromCertificateArn(context.Stack, "GivenCertificate", arn);
        }
        if (!_made.TryGetValue(resource, out var certificate))
        {
            _made[resource] = certificate = new Certificate(context.Stack, LogicalIds.Of(resource) + "Certificate", new CertificateProps
            {
                DomainName = ServiceNames.Of(settings, resource)!,
                Validation = CertificateValidation.FromDns(Zone()),
            });
        }
        return certificate;
    }

    /// <summary>The settings' hosted zone, by its ID: nothing is looked up, so synthesis stays offline.</summary>
    public IHostedZone Zone() => _zone ??= HostedZone.FromHostedZoneAttributes(context.Stack, "HostedZone", new HostedZoneAttributes
    {
        HostedZoneId = context.Settings.HostedZoneId!,
        ZoneName = context.Settings.Domain!,
    });
}
