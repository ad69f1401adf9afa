using System.Diagnostics;
using Platform.Deployment.Aws.Synthesis;

namespace Platform.Deployment.Aws.CommandLine;

/// <summary>
/// Deploys a synthesized cloud assembly with the AWS CDK CLI (npm <c>aws-cdk</c>, pinned by the lock file beside
/// this tool, installed with <c>npm ci</c> into <c>{output}/tools</c> on first use): <c>cdk bootstrap</c>, which is
/// idempotent and gives the CDK its staging bucket, then <c>cdk deploy</c> with the stack's parameters, which never
/// appear on a command line (see <see cref="DeployCommand"/>).
/// </summary>
internal static class CdkCli
{
    public static async Task<int> DeployAsync(SynthesisResult result, DeploymentOptions options, Func<string, string?> environment, TextWriter output)
    {
        var cdk = await InstallAsync(Path.Combine(Path.GetFullPath(options.OutputPath), "tools", "aws-cdk"));
        var bootstrap = await RunAsync("node", [Path.Combine(cdk, "bin", "cdk"), "bootstrap", "--app", result.CloudAssemblyDirectory]);
        if (bootstrap != 0)
        {
            throw new DeploymentException($"cdk bootstrap failed with exit code {bootstrap}: see its output above.");
        }
        var (arguments, input) = DeployCommand(result, options, environment, cdk, DateTimeOffset.UtcNow);
        var exitCode = await RunAsync("node", arguments, input: input);
        output.WriteLine(exitCode == 0 ? $"Deployed stack '{result.StackName}'." : $"cdk deploy failed with exit code {exitCode}.");
        return exitCode;
    }

    /// <summary>
    /// <c>cdk deploy</c> as run by <c>CdkCli/deploy.js</c>: the arguments hold no parameter value; the values (the image
    /// tag, a fresh deployment id so run-once tasks run, the manifest's given parameters from --parameter or
    /// Parameters__name) go to its standard input, and from there into the CLI inside the same process.
    /// </summary>
    public static (IReadOnlyList<string> Arguments, string StandardInput) DeployCommand(
        SynthesisResult result, DeploymentOptions options, Func<string, string?> environment, string cdkPackage, DateTimeOffset now)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (options.ImageTag is { } tag)
        {
            values["ImageTag"] = tag;
        }
        values["DeploymentId"] = now.ToString("yyyyMMddTHHmmssZ", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (parameter, stackParameter) in result.StackParameters)
        {
            if ((options.Parameters.GetValueOrDefault(parameter) ?? environment($"Parameters__{parameter.Replace(".", "__", StringComparison.Ordinal)}")) is { } value)
            {
                values[stackParameter] = value;
            }
        }
        string[] arguments = [Path.Combine(AppContext.BaseDirectory, "CdkCli", "deploy.js"), cdkPackage, "deploy", result.StackName, "--app", result.CloudAssemblyDirectory, "--require-approval", "never"];
        return (arguments, System.Text.Json.JsonSerializer.Serialize(values));
    }

    private static async Task<string> InstallAsync(string directory)
    {
        var cli = Path.Combine(directory, "node_modules", "aws-cdk");
        if (!File.Exists(Path.Combine(cli, "bin", "cdk")))
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

    private static async Task<int> RunAsync(string command, IEnumerable<string> arguments, string? workingDirectory = null, string? input = null)
    {
        var info = new ProcessStartInfo(command) { WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory, RedirectStandardInput = input is not null };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        try
        {
            using var process = Process.Start(info)!;
            if (input is not null)
            {
                await process.StandardInput.WriteAsync(input);
                process.StandardInput.Close();
            }
            await process.WaitForExitAsync();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new DeploymentException($"'{command}' was not found: install Node.js and npm (apt-get install nodejs npm).");
        }
    }
}
