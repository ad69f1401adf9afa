using Platform.Deployment.Aws.Plan;
using Platform.Deployment.Aws.Synthesis;
using Platform.Manifest;

namespace Platform.Deployment.Aws.Mappings;

/// <summary>
/// One kind of manifest resource and the AWS service it becomes: whether it takes a resource, what the resource becomes
/// (its plan: the line the plan prints, and whatever the deployment changes in how its clients reach it), and the
/// constructs that make it. <see cref="ResourceMappings.All"/> lists them.
/// </summary>
internal interface IResourceMapping
{
    bool Takes(ManifestResource resource);

    /// <summary>The resource's plan; a <see cref="DeploymentException"/> says why it cannot be deployed.</summary>
    PlannedResource Plan(ManifestResource resource, Planning planning);

    /// <summary>
    /// Makes the constructs of the resources it planned (in <c>context.Plan</c>). <paramref name="madeBefore"/> are the
    /// constructs of the mappings listed before it, which its own may use (a workload reaches a database by its address).
    /// </summary>
    IReadOnlyList<MappedResource> Synthesize(DeploymentContext context, IReadOnlyList<MappedResource> madeBefore);
}
