using Platform.Deployment.Aws.Plan;
using Platform.Deployment.Aws.Settings;
using Platform.Manifest;

namespace Platform.Deployment.Aws.Services;

/// <summary>
/// A port a workload's container listens on, with the bindings it serves. Aspire gives a project an <c>http</c> and an
/// <c>https</c> binding on the same plain port (<c>HTTP_PORTS</c>): one port serves both, behind one port mapping and
/// one Service Connect name. <see cref="PublicPort"/> is the listener port of an external port other than the first,
/// which is served on 443 (80 with <c>allowPlainHttp</c>). <see cref="Tls"/>: the container itself serves TLS there (an
/// https binding with a target port of its own, such as a container's 8443), so traffic to it stays encrypted.
/// </summary>
internal sealed record ServicePort(string Name, int Port, string Transport, IReadOnlyList<string> Bindings, bool External, int? PublicPort, bool Tls = false)
{
    /// <summary>The scheme of a binding's address inside the VPC: a project's https binding is its plain port (TLS ends at the load balancer).</summary>
    public string InternalScheme(string scheme) => scheme == "https" && !Tls ? "http" : scheme;
}

internal static class ServicePorts
{
    public static IReadOnlyList<ServicePort> Of(Workload workload, int projectPort)
    {
        var ports = new List<ServicePort>();
        foreach (var group in workload.Resource.Bindings.GroupBy(b => b.Value.TargetPort ?? projectPort))
        {
            var external = group.Where(b => b.Value.External).ToList();
            var first = group.First();
            int? publicPort = external.Count == 0 || !ports.Any(p => p.External)
                ? null
                : external.Select(b => b.Value.Port).FirstOrDefault(p => p is not null) ?? group.Key;
            var tls = group.All(b => b.Value.Scheme == "https") && group.Any(b => b.Value.TargetPort is not null);
            ports.Add(new ServicePort(first.Key, group.Key, first.Value.Transport, [.. group.Select(b => b.Key)], external.Count > 0, publicPort, tls));
        }
        return ports;
    }

    /// <summary>
    /// The public name of an external https binding (<c>webapp.example.com</c>), which is its address for tasks and
    /// browsers alike (an identity provider's redirects need it); null for any other binding, which is reached inside the VPC.
    /// </summary>
    public static string? PublicName(DeploymentSettings settings, string workload, ManifestBinding binding) =>
        binding is { Scheme: "https", External: true } ? Https.ServiceNames.Of(settings, workload) : null;
}
