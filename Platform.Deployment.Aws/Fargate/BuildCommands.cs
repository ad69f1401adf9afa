using Platform.Deployment.Aws.Settings;
using Platform.Manifest;

namespace Platform.Deployment.Aws.Fargate;

/// <summary>How the image of a built workload is made and pushed to its ECR repository (see README, "Images").</summary>
internal static class BuildCommands
{
    public static Func<ManifestWorkload, string> For(DeploymentSettings settings) => workload =>
    {
        var repository = $"{settings.StackName}/{workload.Name}";
        return workload switch
        {
            ManifestProject project =>
                $"dotnet publish {project.Path} -t:PublishContainer -p:ContainerRegistry=$REGISTRY -p:ContainerRepository={repository} -p:ContainerImageTag=$TAG",
            ManifestContainer { Build: { } context } =>
                $"docker build -t $REGISTRY/{repository}:$TAG {context} && docker push $REGISTRY/{repository}:$TAG",
            ManifestDockerfile dockerfile =>
                $"docker build -f {dockerfile.Path} -t $REGISTRY/{repository}:$TAG {dockerfile.Context} && docker push $REGISTRY/{repository}:$TAG",
            _ => throw new InvalidOperationException($"'{workload.Name}' is not built"),
        };
    };
}
