using Platform.Deployment.Aws.Efs;
using Platform.Deployment.Aws.Plan;
using Platform.Deployment.Aws.Settings;

namespace Platform.Deployment.Aws.Fargate;

/// <summary>A service's line in the plan: its size and count, how it is reached, what its https bindings become.</summary>
internal static class ServiceLine
{
    public static PlanLine Of(Workload workload, DeploymentSettings settings, List<string> changes)
    {
        var size = settings.For(workload.Name, workload.SingleWriter);
        var ports = ServicePorts.Of(workload, settings.ProjectPort);
        var exposure = ports.Where(p => p.External).Select(p => p.PublicPort is { } port
            ? $"port {port} of its load balancer"
            : settings.Https ? $"its load balancer's HTTPS listener on 443 (80 redirects)" : "its load balancer on port 80 (plain HTTP, allowPlainHttp)").ToList();
        var becomes = $"Fargate service, {size.MinTasks}-{size.MaxTasks} tasks of {size.Cpu} CPU/{size.MemoryMiB} MiB"
            + (exposure.Count > 0 ? $", behind {string.Join(" and ", exposure)}" : "")
            + (ports.Count > 0 ? $"; inside the VPC {string.Join(", ", ports.Select(p => $"{workload.Name}:{p.Port} ({string.Join(", ", p.Bindings)})"))}" : "; no binding (a Service Connect client)");
        foreach (var (name, binding) in workload.Resource.Bindings.Where(b => b.Value.Scheme == "https"))
        {
            var port = ports.First(p => p.Bindings.Contains(name));
            var inside = $"{port.InternalScheme("https")}://{workload.Name}:{port.Port}";
            changes.Add(ServicePorts.PublicName(settings, workload.Name, binding) is { } host
                ? $"binding '{name}' is https://{host}, the load balancer's HTTPS listener, which forwards to {inside}"
                : port.Tls
                    ? $"binding '{name}' is {inside}: the container serves TLS on that port itself"
                    : $"binding '{name}' is {inside}: the same plain port, carried by Service Connect on the private network{(settings.ServiceConnectTlsAuthorityArn is null ? " (no certificate between tasks)" : ", encrypted by its proxies")}");
        }
        if (ports.Count(p => p.External) > 1)
        {
            changes.Add("more than one external port: released rolling (blue/green moves one port's traffic)");
        }
        if (workload.SingleWriter)
        {
            changes.Add(Volumes.OnFileSystem(workload.FileSystemVolumes));
        }
        return new(becomes, $"services.{workload.Name}.* or defaults.*", changes);
    }
}
