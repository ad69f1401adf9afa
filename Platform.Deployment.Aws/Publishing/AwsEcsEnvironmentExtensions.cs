using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Pipelines;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Deployment.Aws.CommandLine;
using Platform.Deployment.Aws.Publishing;

namespace Aspire.Hosting;

public static class AwsEcsEnvironmentExtensions
{
    /// <summary>Aspire's step that writes the manifest into the output folder.</summary>
    private const string ManifestStep = "publish-manifest";

    /// <summary>
    /// Adds AWS ECS as the AppHost's deployment target. <c>aspire publish</c> writes the graph's Aspire manifest into
    /// the output folder and synthesizes the CloudFormation template from it, exactly as <c>synth --manifest</c> does
    /// from the file; <c>aspire deploy</c> deploys it (<c>deploy --manifest</c>, image tag from <c>--Aws:ImageTag</c>).
    /// <paramref name="settingsPath"/> is relative to the AppHost's folder. Like Aspire's deployment environments, it
    /// is not part of the graph when the application runs.
    /// </summary>
    public static IResourceBuilder<AwsEcsEnvironmentResource> AddAwsEcsEnvironment(this IDistributedApplicationBuilder builder, string name,
        string settingsPath = "ecs-settings.json")
    {
        var environment = new AwsEcsEnvironmentResource(name, Path.GetFullPath(settingsPath, builder.AppHostDirectory));
        if (builder.ExecutionContext.IsRunMode)
        {
            return builder.CreateResourceBuilder(environment);
        }
        return builder.AddResource(environment)
            .ExcludeFromManifest()
            .WithAnnotation(new PipelineStepAnnotation(_ =>
            [
                Step($"publish-{name}", "Synthesizes the AWS ECS deployment (CloudFormation) from the Aspire manifest.", "synth", WellKnownPipelineSteps.Publish, environment),
                Step($"deploy-{name}", "Deploys the AWS ECS deployment with the AWS CDK.", "deploy", WellKnownPipelineSteps.Deploy, environment),
            ]));
    }

    private static PipelineStep Step(string name, string description, string command, string requiredBy, AwsEcsEnvironmentResource environment) => new()
    {
        Name = name,
        Description = description,
        Action = context => RunAsync(context, environment, command),
        DependsOnSteps = [ManifestStep],
        RequiredBySteps = [requiredBy],
    };

    /// <summary>The same command a user runs on a manifest file, on the manifest this pipeline has just written.</summary>
    private static async Task RunAsync(PipelineStepContext context, AwsEcsEnvironmentResource environment, string command)
    {
        var outputPath = context.Services.GetRequiredService<IOptions<PipelineOptions>>().Value.OutputPath
            ?? throw new DistributedApplicationException("The '--output-path [path]' option was not specified even though publishing was requested.");
        var imageTag = context.Services.GetRequiredService<IConfiguration>()["Aws:ImageTag"];
        string[] args =
        [
            command, "--manifest", Path.Combine(outputPath, "aspire-manifest.json"), "--output-path", outputPath,
            .. File.Exists(environment.SettingsPath) ? (string[])["--settings", environment.SettingsPath] : [],
            .. imageTag is { Length: > 0 } ? (string[])["--image-tag", imageTag] : [],
        ];
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await DeploymentCommandLine.RunAsync(args, Environment.GetEnvironmentVariable, output, error);
        foreach (var line in output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            context.ReportingStep.Log(LogLevel.Information, line);
        }
        if (exitCode != 0)
        {
            throw new DistributedApplicationException(error.ToString().Trim());
        }
    }
}
