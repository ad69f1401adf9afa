using Platform.Deployment.Aws.Plan;
using Platform.Manifest;

namespace Platform.Deployment.Aws.S3;

/// <summary>An <c>aws.cloudformation.template.v0</c> resource (our S3 storage), included in the stack as it is written.</summary>
internal sealed record IncludedStorage(ManifestCloudFormation Template) : PlannedResource
{
    public override ManifestResource Resource => Template;

    public override PlanLine Describe(DeploymentPlan plan) =>
        new($"included in the stack as it is (CfnInclude); its buckets are granted to {(Template.References.Count > 0 ? string.Join(", ", Template.References.Select(n => $"'{n}'")) : "nothing")}");
}
