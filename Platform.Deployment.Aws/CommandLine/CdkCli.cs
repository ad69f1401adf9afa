using System.Diagnostics;
using Platform.Deployment.Aws.Synthesis;

namespace Platform.Deployment.Aws.CommandLine;

/// <summary>
/// Deploys a synthesized cloud assembly with the AWS CDK CLI (npm <c>aws-cdk</c>, pinned by the lock file beside
/// this tool, installed with <c>npm ci</c> into <c>{output}/tools</c> on first use): <c>cdk bootstrap</c>, which is
/// idempotent and gives the CDK its staging bucket, then <c>cdk deploy</c> with the stack's parameters.
/// </summary>
internal static class CdkCli
{
    public static async Task<int> DeployAsync(SynthesisResult result, DeploymentOptions options, Func<string, string?> environment, TextWriter output)
    {
        var cdk = await InstallAsync(Path.Combine(Path.GetFullPath(options.OutputPath), "tools", "aws-cdk"));
        string[] app = ["--app", result.CloudAssemblyDirectory];
        var bootstrap = await RunAsync("node", [cdk, "bootstrap", .. app]);
        if (bootstrap != 0)
        {
            throw new DeploymentException($"cdk bootstrap failed with exit code {bootstrap}: see its output above.");
        }
        List<string> arguments = [cdk, "deploy", result.StackName, .. app, "--require-approval", "never"];
        foreach (var (name, value) in StackParameterValues(result, options, environment))
        {
            arguments.AddRange(["--parameters", $"{name}={value}"]);
        }
        var exitCode = await RunAsync("node", arguments);
        output.WriteLine(exitCode == 0 ? $"Deployed stack '{result.StackName}'." : $"cdk deploy failed with exit code {exitCode}.");
        return exitCode;
    }

    /// <summary>The image tag, a fresh deployment id (so run-once tasks run), and the manifest's given parameters, from --parameter or Parameters__name.</summary>
    private static IEnumerable<(string Name, string Value)> StackParameterValues(SynthesisResult result, DeploymentOptions options, Func<string, string?> environment)
    {
        if (options.ImageTag is { } tag)
        {
            yield return ("ImageTag", tag);
        }
        yield return ("DeploymentId", DateTimeOffset.UtcNow.ToString("yyyyMMddTHHmmssZ", System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (parameter, stackParameter) in result.StackParameters)
        {
            if ((options.Parameters.GetValueOrDefault(parameter) ?? environment($"Parameters__{parameter}")) is { } value)
            {
                yield return (stackParameter, value);
            }
        }
    }

    private static async Task<string> InstallAsync(string directory)
    {
        var cli = Path.Combine(directory, "node_modules", "aws-cdk", "bin", "cdk");
        if (!File.Exists(cli))
        {
            Directory.CreateDirectory(directory);
            foreach (var file in new[] { "package.json", "package-lock.json" })
            {
                File.Copy(Path.Combine(AppContext.BaseDirectory, "CdkCli", file), Path.Combine(directory, file), overwrite: true);
            }
            if (await RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], directory) != 0)
            {
                throw new DeploymentException($"Installing the AWS CDK CLI with npm ci in {directory} failed: see npm's output above (npm and Node.js: apt-get install nodejs npm).");
            }
        }
        return cli;
    }

    private static async Task<int> RunAsync(string command, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(command) { WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        try
        {
            using var process = Process.Start(info)!;
            await process.WaitForExitAsync();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new DeploymentException($"'{command}' was not found: install Node.js and npm (apt-get install nodejs npm).");
        }
    }
}
