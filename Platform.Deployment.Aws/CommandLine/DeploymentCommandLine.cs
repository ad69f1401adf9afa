using Platform.Deployment.Aws.Settings;
using Platform.Deployment.Aws.Synthesis;
using Platform.Manifest;

namespace Platform.Deployment.Aws.CommandLine;

/// <summary>
/// <c>synth</c> and <c>deploy</c> over any Aspire manifest file:
/// <code>
/// synth  --manifest aspire-manifest.json --output-path out [--settings ecs-settings.json]
/// deploy --manifest aspire-manifest.json --output-path out [--settings f] --image-tag T [--parameter name=value]...
/// </code>
/// Errors are one clear message and exit code 1, never a stack trace.
/// </summary>
public static class DeploymentCommandLine
{
    public const string Usage = """
        Usage:
          synth  --manifest <aspire-manifest.json> --output-path <dir> [--settings <ecs-settings.json>]
          deploy --manifest <aspire-manifest.json> --output-path <dir> [--settings <file>] [--image-tag <tag>] [--parameter <name>=<value>]...
        The settings default to ecs-settings.json beside the manifest. Parameter values may also come from Parameters__<name> variables.
        """;

    public static async Task<int> RunAsync(string[] args, Func<string, string?> environment, TextWriter output, TextWriter error)
    {
        try
        {
            var options = DeploymentOptions.Parse(args);
            if (options.Command == "deploy")
            {
                // Checked before anything else: a deployment without credentials should fail in a second, not after a synthesis.
                AwsEnvironment.Require(environment);
            }
            var manifest = AspireManifest.Load(options.Manifest);
            var settings = DeploymentSettingsFile.Load(options.Settings ?? Path.Combine(manifest.Directory, DeploymentSettingsFile.DefaultFileName));
            var result = EcsSynthesizer.Synthesize(manifest, settings, options.OutputPath);
            result.WriteSummary(output);
            if (options.Command == "deploy")
            {
                return await CdkCli.DeployAsync(result, options, environment, output);
            }
            return 0;
        }
        catch (Exception e) when (e is DeploymentException or ManifestException)
        {
            error.WriteLine(e.Message);
            return 1;
        }
    }
}
