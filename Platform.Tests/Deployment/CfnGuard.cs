using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Deployment;

/// <summary>
/// cfn-guard with AWS Control Tower's proactive controls, both from npm's <c>@cdklabs/cdk-validator-cfnguard</c>
/// (the CDK's validator plugin bundles the binary and the rules), installed once with npm ci from the pinned lock
/// file into the tools folder. Offline: it reads the template and the rules, nothing else.
/// </summary>
internal static partial class CfnGuard
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    /// <summary>The rules that fail on <paramref name="templatePath"/>, each with the logical IDs of the resources that fail it.</summary>
    public static async Task<Dictionary<string, SortedSet<string>>> FailuresAsync(string templatePath)
    {
        var package = await EnsureInstalledAsync();
        var binary = Path.Combine(package, "bin", "ubuntu", RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "aarch64" : "x86_64", "cfn-guard");
        var info = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "validate", "--rules", Path.Combine(package, "rules", "control-tower", "cfn-guard"), "--data", templatePath, "--output-format", "json", "--show-summary", "none" })
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode is 0 or 19, $"cfn-guard failed with exit code {process.ExitCode}: {await error}");
        return Reports(await output)
            .Where(r => r.GetProperty("status").GetString() == "FAIL")
            .SelectMany(r => r.GetProperty("not_compliant").EnumerateArray())
            .Select(n => (Rule: n.GetProperty("Rule").GetProperty("name").GetString()!, Text: n.GetRawText()))
            .GroupBy(n => n.Rule)
            .ToDictionary(g => g.Key, g => new SortedSet<string>(g.SelectMany(n => ResourcePath().Matches(n.Text).Select(m => m.Groups["id"].Value))));
    }

    /// <summary>cfn-guard writes one JSON report per rule file, one after another.</summary>
    private static List<JsonElement> Reports(string output)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(output));
        return [.. JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream, topLevelValues: true).ToBlockingEnumerable()];
    }

    private static async Task<string> EnsureInstalledAsync()
    {
        var source = Path.Combine(Repository.Root, "Platform.Tests", "Deployment", "CfnGuard");
        var installed = Path.Combine(Repository.Root, "Platform.AppHost", ".platform", "tools", "cfn-guard");
        var package = Path.Combine(installed, "node_modules", "@cdklabs", "cdk-validator-cfnguard");
        await InstallGate.WaitAsync();
        try
        {
            Directory.CreateDirectory(installed);
            foreach (var file in new[] { "package.json", "package-lock.json", ".npmrc" })
            {
                File.Copy(Path.Combine(source, file), Path.Combine(installed, file), overwrite: true);
            }
            if (!Directory.Exists(package))
            {
                var info = new ProcessStartInfo("npm") { WorkingDirectory = installed, RedirectStandardOutput = true, RedirectStandardError = true };
                foreach (var argument in new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" })
                {
                    info.ArgumentList.Add(argument);
                }
                using var npm = Process.Start(info)!;
                var output = npm.StandardOutput.ReadToEndAsync();
                var error = npm.StandardError.ReadToEndAsync();
                await npm.WaitForExitAsync();
                Assert.True(npm.ExitCode == 0, $"npm ci for cfn-guard failed: {await output}{await error}");
            }
            return package;
        }
        finally
        {
            InstallGate.Release();
        }
    }

    [GeneratedRegex(@"/Resources/(?<id>[A-Za-z0-9]+)")]
    private static partial Regex ResourcePath();
}
