using Platform.Deployment.Aws.Settings;
using Platform.Manifest;

namespace Platform.Deployment.Aws.Fargate;

/// <summary>The ports of a workload's container (<see cref="ServicePort"/>), and their public names.</summary>
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
    /// Aspire 13 tells a project to serve HTTPS on its https binding's port (<c>HTTPS_PORTS</c>), which in the cloud is
    /// the plain port of <c>HTTP_PORTS</c>: TLS ends at the load balancer (or Service Connect's proxy), and Kestrel would
    /// fail to listen twice on one port, once without a certificate. So the variable is left out, unless the project
    /// serves TLS itself on a port of its own.
    /// </summary>
    public static IReadOnlyDictionary<string, string> PlainHttpsPorts(Workload project, int projectPort) =>
        project.Resource.Env.ContainsKey(HttpsPorts) && !Of(project, projectPort).Any(p => p.Tls)
            ? new Dictionary<string, string> { [HttpsPorts] = "TLS ends before the container, which serves its https binding on HTTP_PORTS' plain port" }
            : project.DroppedVariables;

    private const string HttpsPorts = "HTTPS_PORTS";

    /// <summary>
    /// An external binding that is not HTTP (a load balancer of this kind serves HTTP only), and external ports that
    /// would take a listener port another has.
    /// </summary>
    public static IEnumerable<string> Problems(Workload workload, DeploymentSettings settings)
    {
        foreach (var (name, binding) in workload.Resource.Bindings.Where(b => b.Value.External && b.Value.Transport is not ("http" or "http2")))
        {
            yield return $"'{workload.Name}' binding '{name}' is external {binding.Transport}: only HTTP is exposed, through a load balancer";
        }
        var taken = new HashSet<int> { 80, 443, settings.TestListenerPort };
        foreach (var port in Of(workload, settings.ProjectPort).Where(p => p.PublicPort is not null))
        {
            if (!taken.Add(port.PublicPort!.Value))
            {
                yield return $"'{workload.Name}' binding '{port.Name}' would be served on port {port.PublicPort} of its load balancer, which another listener has (80, 443 and testListenerPort {settings.TestListenerPort} are taken): give the binding another port";
            }
        }
    }

    /// <summary>
    /// The public name of an external https binding (<c>webapp.example.com</c>), which is its address for tasks and
    /// browsers alike (an identity provider's redirects need it); null for any other binding, which is reached inside the VPC.
    /// </summary>
    public static string? PublicName(DeploymentSettings settings, string workload, ManifestBinding binding) =>
        binding is { Scheme: "https", External: true } ? Https.ServiceNames.Of(settings, workload) : null;
}
