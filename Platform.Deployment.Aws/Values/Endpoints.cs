using Platform.Deployment.Aws.Secrets;
using Platform.Manifest;

namespace Platform.Deployment.Aws.Values;

/// <summary>
/// An address the deployment gives a binding, and the security group side that admits its clients on
/// <see cref="TargetPort"/> (none for a server outside the stack). <see cref="Url"/> is given whole for a service
/// outside the stack, whose address may have a path (an OpenID Connect issuer's often has).
/// </summary>
internal sealed record Endpoint(string Host, string Port, int? TargetPort, string Scheme, Amazon.CDK.AWS.EC2.Connections_? Connections, string? Url = null);

/// <summary>
/// The cloud address of every binding (<c>{r.bindings.b.host|port|targetPort|scheme|url}</c>): RDS, ElastiCache and
/// Amazon MQ endpoints, Service Connect names for services, and stack parameters for the address of a resource
/// published as a connection string. A task that uses an address is let through to it.
/// </summary>
internal sealed class Endpoints(ParameterSecrets parameters)
{
    private readonly Dictionary<(string Resource, string Binding), Endpoint> _endpoints = [];

    public void Add(string resource, string binding, Endpoint endpoint) => _endpoints.Add((resource, binding), endpoint);

    /// <summary>Every binding of a service that runs outside the stack (the settings' <c>externalServices</c>) is its address.</summary>
    public void AddExternal(ManifestResource resource, Uri address)
    {
        var port = address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var binding in (resource as ManifestWorkload)?.Bindings.Keys ?? [])
        {
            Add(resource.Name, binding, new Endpoint(address.Host, port, null, address.Scheme, null, address.OriginalString));
        }
    }

    /// <summary>Every endpoint of <paramref name="resource"/>.</summary>
    public IEnumerable<Endpoint> Of(string resource) => _endpoints.Where(e => e.Key.Resource == resource).Select(e => e.Value);

    public Endpoint Get(ReferencePart leaf)
    {
        var key = (leaf.Resource, leaf.Path[1]);
        if (!_endpoints.TryGetValue(key, out var endpoint))
        {
            if (!parameters.IsConnectionString(leaf.Resource))
            {
                throw new DeploymentException($"'{leaf.Expression}' is an address that this deployment does not give");
            }
            endpoint = new Endpoint(parameters.GivenAddress(leaf.Resource, leaf.Path[1], "host"), parameters.GivenAddress(leaf.Resource, leaf.Path[1], "port"), null, "tcp", null);
            _endpoints.Add(key, endpoint);
        }
        return endpoint;
    }

    public string Value(ReferencePart leaf)
    {
        var endpoint = Get(leaf);
        return leaf.Path[2] switch
        {
            "host" => endpoint.Host,
            "port" => endpoint.Port,
            "targetPort" => endpoint.TargetPort?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? endpoint.Port,
            "scheme" => endpoint.Scheme,
            "url" => endpoint.Url ?? $"{endpoint.Scheme}://{endpoint.Host}:{endpoint.Port}",
            _ => throw new DeploymentException($"'{leaf.Expression}' asks for a part of an address that does not exist"),
        };
    }
}
