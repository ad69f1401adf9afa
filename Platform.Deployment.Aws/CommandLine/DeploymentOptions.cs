namespace Platform.Deployment.Aws.CommandLine;

/// <summary>The command line of <c>synth</c> and <c>deploy</c>.</summary>
public sealed record DeploymentOptions(string Command, string Manifest, string OutputPath, string? Settings, string? ImageTag, IReadOnlyDictionary<string, string> Parameters)
{
    public static DeploymentOptions Parse(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("synth" or "deploy"))
        {
            throw new DeploymentException(DeploymentCommandLine.Usage);
        }
        var values = new Dictionary<string, string>();
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i++)
        {
            var name = args[i];
            if (name is not ("--manifest" or "--output-path" or "--settings" or "--image-tag" or "--parameter") || i + 1 >= args.Length)
            {
                throw new DeploymentException($"Unknown option or missing value: '{name}'.\n{DeploymentCommandLine.Usage}");
            }
            var value = args[++i];
            if (name == "--parameter")
            {
                var pair = value.Split('=', 2);
                parameters[pair[0]] = pair.Length == 2 ? pair[1] : throw new DeploymentException($"--parameter takes <name>=<value>, not '{value}'.");
            }
            else
            {
                values[name] = value;
            }
        }
        return new DeploymentOptions(
            args[0],
            values.GetValueOrDefault("--manifest") ?? throw new DeploymentException($"{args[0]} needs --manifest <aspire-manifest.json>.\n{DeploymentCommandLine.Usage}"),
            values.GetValueOrDefault("--output-path") ?? throw new DeploymentException($"{args[0]} needs --output-path <dir>.\n{DeploymentCommandLine.Usage}"),
            values.GetValueOrDefault("--settings"),
            values.GetValueOrDefault("--image-tag"),
            parameters);
    }
}
