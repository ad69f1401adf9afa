using Amazon.CDK;
using Amazon.CDK.AWS.ECR;
using Amazon.CDK.AWS.ECS;
using Platform.Deployment.Aws.Synthesis;

namespace Platform.Deployment.Aws.Fargate;

/// <summary>
/// The image of each workload. A container's image is used as the manifest names it. A project's (or a container
/// built from a Dockerfile) is built and pushed to ECR before deploying, so it is an input: an ECR repository name
/// per workload (<c>ApiImageRepository</c>, default <c>{stack}/{name}</c>) and one <c>ImageTag</c> for the release;
/// the execution role may pull from those repositories only.
/// </summary>
internal sealed class Images(DeploymentContext context)
{
    private CfnParameter? _tag;

    public ContainerImage For(FargateWorkload owner)
    {
        var workload = owner.Workload;
        if (workload.Image is { } image)
        {
            return ContainerImage.FromRegistry(image);
        }
        var id = LogicalIds.Of(workload.Name);
        var repositoryName = new CfnParameter(owner, id + "ImageRepository", new CfnParameterProps
        {
            Type = "String",
            Default = $"{context.Settings.StackName}/{workload.Name}",
            Description = $"ECR repository of '{workload.Name}', built with: {workload.BuildCommand}",
        });
        _tag ??= new CfnParameter(context.Stack, "ImageTag", new CfnParameterProps
        {
            Type = "String",
            MinLength = 1,
            Description = "Tag of the images built for this release (the same for every built workload)",
        });
        var repository = Repository.FromRepositoryName(owner, id + "Repository", repositoryName.ValueAsString);
        return ContainerImage.FromEcrRepository(repository, _tag.ValueAsString);
    }
}
