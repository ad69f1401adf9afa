using Platform.Deployment.Aws.Efs;
using Platform.Deployment.Aws.Mappings;
using Platform.Deployment.Aws.Plan;
using Platform.Deployment.Aws.RunOnce;
using Platform.Deployment.Aws.S3;
using Platform.Deployment.Aws.Synthesis;
using Platform.Deployment.Aws.Values;
using Platform.Manifest;

namespace Platform.Deployment.Aws.Fargate;

/// <summary>
/// Projects and containers (any a managed service does not take) as Fargate services, run-once projects as tasks run on
/// every deployment, their named volumes on EFS. Listed last: workloads reach everything the other mappings made.
/// </summary>
internal sealed class FargateMapping : IResourceMapping
{
    public bool Takes(ManifestResource resource) => resource is ManifestProject or ManifestDockerfile or ManifestContainer;

    public PlannedResource Plan(ManifestResource resource, Planning planning)
    {
        if (resource is ManifestContainer { Image: null, Build: null })
        {
            throw new DeploymentException($"'{resource.Name}' has neither an image nor a build");
        }
        var workload = (ManifestWorkload)resource;
        var image = (resource as ManifestContainer)?.Image;
        var dotnet = resource is ManifestProject;
        var planned = new Workload(workload, image, image is null ? planning.BuildCommand(workload) : null);
        return planned with
        {
            DroppedVariables = dotnet ? ServicePorts.PlainHttpsPorts(planned, planning.Settings.ProjectPort) : planned.DroppedVariables,
            FileSystemVolumes = resource is ManifestContainer container ? Volumes.Named(container) : [],
            // .NET's container images run as the unprivileged user 'app' (1654), and need to write only below /tmp and its home.
            User = dotnet ? "1654" : null,
            ReadOnlyRoot = dotnet,
        };
    }

    public IReadOnlyList<MappedResource> Synthesize(DeploymentContext context, IReadOnlyList<MappedResource> madeBefore)
    {
        var plan = context.Plan;
        var cluster = ServiceCluster.Create(context);
        // Made before any task, so that services can admit each other.
        var securityGroups = plan.Workloads.ToDictionary(w => w.Name, w => FargateWorkload.SecurityGroupFor(context, w));
        var addresses = new Addresses(context.Parameters,
        [
            .. madeBefore.OfType<IAddressable>(),
            .. plan.Services.Select(s => new ServiceConnectAddress(context.Settings, s, securityGroups[s.Name])),
            .. context.Settings.ExternalServices.Select(e => new ExternalService((ManifestWorkload)plan.Manifest[e.Key], e.Value)),
        ]);
        var templates = madeBefore.OfType<IncludedTemplate>().ToList();
        var shared = new SharedParts(context, cluster, new TaskValues(context, addresses, templates), templates);
        var workloads = plan.Workloads.Select(w => new FargateWorkload(context, w, securityGroups[w.Name], shared)).ToList();
        RunOnceTasks.Create(context, cluster, workloads.Where(w => w.Service is null), workloads.Where(w => w.Service is not null).ToDictionary(w => w.Resource, w => w.Service!));
        TaskAccess.Allow(workloads, addresses);
        return workloads;
    }
}
