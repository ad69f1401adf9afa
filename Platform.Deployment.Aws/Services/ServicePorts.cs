using Platform.Deployment.Aws.Plan;
using Platform.Deployment.Aws.Synthesis;

namespace Platform.Deployment.Aws.Services;

/// <summary>A workload's listening port for one binding: its target port, or for a project the deployment's port (passed in <c>HTTP_PORTS</c>).</summary>
internal sealed record ServicePort(string Binding, int Port, string Scheme, string Transport, bool External);

internal static class ServicePorts
{
    public static IEnumerable<ServicePort> Of(DeploymentContext context, Workload workload) =>
        workload.Resource.Bindings.Select(b => new ServicePort(b.Key, b.Value.TargetPort ?? context.Settings.ProjectPort, b.Value.Scheme, b.Value.Transport, b.Value.External));
}
