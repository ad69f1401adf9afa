using System.Globalization;
using Amazon.CDK.AWS.EC2;
using Platform.Deployment.Aws.Settings;
using Platform.Deployment.Aws.Values;

namespace Platform.Deployment.Aws.Fargate;

/// <summary>
/// A service's bindings as the other tasks reach them: its Service Connect name and port inside the VPC, or, for an
/// external https binding under the settings' domain, its public name (<see cref="ServicePorts.PublicName"/>).
/// </summary>
internal sealed class ServiceConnectAddress : IAddressable
{
    public ServiceConnectAddress(DeploymentSettings settings, Workload service, SecurityGroup securityGroup)
    {
        Resource = service.Name;
        var connections = new Connections_(new ConnectionsProps { SecurityGroups = [securityGroup] });
        var endpoints = new Dictionary<string, Endpoint>();
        foreach (var port in ServicePorts.Of(service, settings.ProjectPort))
        {
            foreach (var binding in port.Bindings)
            {
                var manifestBinding = service.Resource.Bindings[binding];
                endpoints[binding] = ServicePorts.PublicName(settings, service.Name, manifestBinding) is { } name
                    ? new Endpoint(name, "443", null, "https", null)
                    : new Endpoint(service.Name, port.Port.ToString(CultureInfo.InvariantCulture), port.Port, port.InternalScheme(manifestBinding.Scheme), connections);
            }
        }
        Endpoints = endpoints;
    }

    public string Resource { get; }

    public IReadOnlyDictionary<string, Endpoint> Endpoints { get; }
}
