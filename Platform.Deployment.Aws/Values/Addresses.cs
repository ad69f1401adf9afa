using System.Globalization;
using Platform.Deployment.Aws.SecretsManager;
using Platform.Manifest;

namespace Platform.Deployment.Aws.Values;

/// <summary>
/// The cloud address of every binding (<c>{r.bindings.b.host|port|targetPort|scheme|url}</c>), from the constructs
/// that give them (RDS, ElastiCache and Amazon MQ endpoints, Service Connect names for services, services outside the
/// stack) and, for the address of a resource published as a connection string, stack parameters.
/// </summary>
internal sealed class Addresses(ParameterSecrets parameters, IEnumerable<IAddressable> addressable)
{
    private readonly Dictionary<string, IReadOnlyDictionary<string, Endpoint>> _byResource = addressable.ToDictionary(a => a.Resource, a => a.Endpoints);
    private readonly Dictionary<(string Resource, string Binding), Endpoint> _given = [];

    /// <summary>The endpoint of <paramref name="resource"/>'s <paramref name="binding"/>: its construct's, or the one given at deployment that values used.</summary>
    public Endpoint? Of(string resource, string binding) =>
        _byResource.TryGetValue(resource, out var endpoints) ? endpoints.GetValueOrDefault(binding) : _given.GetValueOrDefault((resource, binding));

    public string Value(ReferencePart leaf)
    {
        var endpoint = Get(leaf);
        return leaf.Path[2] switch
        {
            "host" => endpoint.Host,
            "port" => endpoint.Port,
            "targetPort" => endpoint.TargetPort?.ToString(CultureInfo.InvariantCulture) ?? endpoint.Port,
            "scheme" => endpoint.Scheme,
            "url" => endpoint.Url ?? $"{endpoint.Scheme}://{endpoint.Host}:{endpoint.Port}",
            _ => throw new DeploymentException($"'{leaf.Expression}' asks for a part of an address that does not exist"),
        };
    }

    private Endpoint Get(ReferencePart leaf)
    {
        var binding = leaf.Path[1];
        if (_byResource.TryGetValue(leaf.Resource, out var endpoints) && endpoints.TryGetValue(binding, out var endpoint))
        {
            return endpoint;
        }
        if (!parameters.IsConnectionString(leaf.Resource))
        {
            throw new DeploymentException($"'{leaf.Expression}' is an address that this deployment does not give");
        }
        if (!_given.TryGetValue((leaf.Resource, binding), out endpoint))
        {
            _given[(leaf.Resource, binding)] = endpoint = new Endpoint(
                parameters.GivenAddress(leaf.Resource, binding, "host"), parameters.GivenAddress(leaf.Resource, binding, "port"), null, "tcp", null);
        }
        return endpoint;
    }
}
