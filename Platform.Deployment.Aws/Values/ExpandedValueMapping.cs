using Platform.Deployment.Aws.Mappings;
using Platform.Deployment.Aws.Plan;
using Platform.Deployment.Aws.Synthesis;
using Platform.Manifest;

namespace Platform.Deployment.Aws.Values;

/// <summary>Values and annotated strings, which become part of the values that use them (<see cref="TaskValues"/>).</summary>
internal sealed class ExpandedValueMapping : IResourceMapping
{
    public bool Takes(ManifestResource resource) => resource is ManifestValue or ManifestAnnotatedString;

    public PlannedResource Plan(ManifestResource resource, Planning planning) => new ExpandedValue(resource);

    public IReadOnlyList<MappedResource> Synthesize(DeploymentContext context, IReadOnlyList<MappedResource> madeBefore) => [];
}
