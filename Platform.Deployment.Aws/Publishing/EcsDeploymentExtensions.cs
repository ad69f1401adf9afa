using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Hosting;
using Platform.Hosting.Publishing;

namespace Platform.Deployment.Aws.Publishing;

public static class EcsDeploymentExtensions
{
    /// <summary>
    /// Adds the <c>ecs</c> publisher (<c>--publisher ecs --output-path dir</c>): the graph as an AWS ECS Fargate
    /// deployment, synthesized with the AWS CDK. <paramref name="settingsPath"/> (relative to the AppHost's folder)
    /// is the deployment settings file; when it does not exist, the defaults apply. Like Aspire's deployment
    /// environments, it does nothing when the application runs.
    /// </summary>
    public static IDistributedApplicationBuilder AddAwsEcsDeployment(this IDistributedApplicationBuilder builder, string settingsPath = "ecs-settings.json")
    {
        builder.Services.TryAddSingleton<ManifestPublisher>();
        builder.Services.TryAddSingleton(new EcsDeploymentOptions(Path.GetFullPath(settingsPath, builder.AppHostDirectory)));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IDistributedApplicationPublisher, EcsPublisher>());
        return builder;
    }
}
