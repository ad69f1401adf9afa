using Platform.Deployment.Aws.Mappings;
using Platform.Deployment.Aws.Plan;
using Platform.Deployment.Aws.Synthesis;
using Platform.Manifest;

namespace Platform.Deployment.Aws.S3;

/// <summary>CloudFormation templates of the manifest (its S3 buckets) included in the stack, their buckets granted to the services that reference them.</summary>
internal sealed class CloudFormationTemplateMapping : IResourceMapping
{
    public bool Takes(ManifestResource resource) => resource is ManifestCloudFormation { Type: ManifestTypes.CloudFormationTemplate, TemplatePath: not null };

    public PlannedResource Plan(ManifestResource resource, Planning planning) => new IncludedStorage((ManifestCloudFormation)resource);

    public IReadOnlyList<MappedResource> Synthesize(DeploymentContext context, IReadOnlyList<MappedResource> madeBefore) =>
        [.. context.Plan.Of<IncludedStorage>().Select(t => new IncludedTemplate(context, t.Template))];
}
