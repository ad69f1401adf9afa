using Platform.Deployment.Aws.AmazonMq;
using Platform.Deployment.Aws.ElastiCache;
using Platform.Deployment.Aws.Fargate;
using Platform.Deployment.Aws.Rds;
using Platform.Deployment.Aws.S3;
using Platform.Deployment.Aws.SecretsManager;
using Platform.Deployment.Aws.Values;
using Platform.Manifest;

namespace Platform.Deployment.Aws.Mappings;

/// <summary>
/// The mapping table: what each kind of manifest resource becomes on AWS (README, "Mapping"). A resource is planned by
/// the first mapping that takes it, and the mappings synthesize in this order, each after those whose constructs it uses
/// (workloads reach everything, so Fargate comes last). A resource none takes cannot be deployed.
/// </summary>
internal static class ResourceMappings
{
    public static IReadOnlyList<IResourceMapping> All { get; } =
    [
        new RdsMapping(),
        new ElastiCacheMapping(),
        new AmazonMqMapping(),
        new CloudFormationTemplateMapping(),
        new ParameterMapping(),
        new ExpandedValueMapping(),
        new FargateMapping(),
    ];

    public static IResourceMapping For(ManifestResource resource) =>
        All.FirstOrDefault(m => m.Takes(resource)) ?? throw new DeploymentException(Unmappable(resource));

    private static string Unmappable(ManifestResource resource) => resource switch
    {
        ManifestError error => $"'{error.Name}': the manifest's publisher could not write it (\"{error.Error}\"); list it in the settings' skip to deploy the rest",
        ManifestExecutable => $"'{resource.Name}' ({resource.Type}) runs a local command, which has no image to run on Fargate: publish it as a container (Aspire's PublishAsDockerFile), or list it in the settings' skip if it runs only on a developer's machine",
        ManifestCloudFormation => $"'{resource.Name}' ({resource.Type}) refers to a stack deployed elsewhere, whose outputs CloudFormation cannot read: include its template instead (aws.cloudformation.template.v0)",
        ManifestBicep => $"'{resource.Name}' ({resource.Type}) is an Azure resource, which has no AWS counterpart here: list it in the settings' skip",
        _ => $"'{resource.Name}' has type '{resource.Type}', which this deployment does not know",
    };
}
