using Amazon.CDK.AWS.EC2;
using Platform.Manifest;

namespace Platform.Deployment.Aws.Values;

/// <summary>
/// An address the deployment gives a binding, and the security group side that admits its clients on
/// <see cref="TargetPort"/> (none for a server outside the stack). <see cref="Url"/> is given whole for a service
/// outside the stack, whose address may have a path (an OpenID Connect issuer's often has).
/// </summary>
internal sealed record Endpoint(string Host, string Port, int? TargetPort, string Scheme, Connections_? Connections, string? Url = null)
{
    /// <summary>One address for every binding of <paramref name="container"/>, each with its own scheme.</summary>
    public static IReadOnlyDictionary<string, Endpoint> ForBindings(ManifestWorkload container, string host, string port, int targetPort, Connections_ connections, Func<string, string>? scheme = null) =>
        container.Bindings.ToDictionary(b => b.Key, b => new Endpoint(host, port, targetPort, scheme?.Invoke(b.Value.Scheme) ?? b.Value.Scheme, connections));
}
