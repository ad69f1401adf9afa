using Platform.Deployment.Aws.Mappings;
using Platform.Deployment.Aws.Plan;
using Platform.Deployment.Aws.Synthesis;
using Platform.Manifest;

namespace Platform.Deployment.Aws.SecretsManager;

/// <summary>
/// Parameters as Secrets Manager secrets: generated in the cloud, or copied from a stack parameter given at
/// deployment. They are made where something first uses them (<see cref="ParameterSecrets"/>), so a parameter nothing
/// deployed uses makes nothing.
/// </summary>
internal sealed class ParameterMapping : IResourceMapping
{
    public bool Takes(ManifestResource resource) => resource is ManifestParameter;

    public PlannedResource Plan(ManifestResource resource, Planning planning) => new PlannedParameter((ManifestParameter)resource);

    public IReadOnlyList<MappedResource> Synthesize(DeploymentContext context, IReadOnlyList<MappedResource> madeBefore) => [];
}
