using Platform.Deployment.Aws.Settings;
using Platform.Deployment.Aws.Synthesis;
using Platform.Hosting;
using Platform.Hosting.ApplicationModel;
using Platform.Manifest;
using Platform.Hosting.Publishing;

namespace Platform.Deployment.Aws.Publishing;

/// <summary>
/// <c>--publisher ecs</c>: writes the graph's manifest (and the templates beside it) into the output folder, then
/// synthesizes the ECS deployment from that manifest, exactly as <c>synth --manifest</c> would from the file.
/// </summary>
public sealed class EcsPublisher(ManifestPublisher manifestPublisher, EcsDeploymentOptions options) : IDistributedApplicationPublisher
{
    public string Name => "ecs";

    public async Task PublishAsync(DistributedApplicationModel model, string outputPath, CancellationToken cancellationToken)
    {
        var manifestPath = Path.Combine(outputPath, AspireManifest.DefaultFileName);
        await manifestPublisher.PublishAsync(model, manifestPath, cancellationToken);
        try
        {
            var result = EcsSynthesizer.Synthesize(AspireManifest.Load(manifestPath), DeploymentSettingsFile.Load(options.SettingsPath), outputPath);
            result.WriteSummary(Console.Out);
        }
        catch (Exception e) when (e is DeploymentException or ManifestException)
        {
            // Reported by the AppHost as one error message and exit code 1, like its other command-line errors.
            throw new DistributedApplicationException(e.Message, e);
        }
    }
}
