using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.Deployment.Aws.Tests.Infrastructure;

namespace Platform.Deployment.Aws.Tests.Synthesis;

/// <summary>
/// cfn-guard with AWS Control Tower's proactive controls, both from npm's <c>@cdklabs/cdk-validator-cfnguard</c>
/// (the CDK's validator plugin bundles the binary and the rules), installed once with npm ci from the pinned lock
/// file into the tools folder. Offline: it reads the template and the rules, nothing else.
/// </summary>
internal static partial class CfnGuard
{
    private static readonly ConcurrentDictionary<string, Task<Dictionary<string, SortedSet<string>>>> Checked = new();

    /// <summary>
    /// The rules that fail on <paramref name="templatePath"/>, each with the logical IDs of the resources that fail it.
    /// A template is checked once per run (a synthesized template does not change; a check takes half a minute).
    /// </summary>
    public static Task<Dictionary<string, SortedSet<string>>> FailuresAsync(string templatePath) => Checked.GetOrAdd(templatePath, CheckAsync);

    private static async Task<Dictionary<string, SortedSet<string>>> CheckAsync(string templatePath)
    {
        var package = await EnsureInstalledAsync();
        var binary = Path.Combine(package, "bin", "ubuntu", RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "aarch64" : "x86_64", "cfn-guard");
        var (exitCode, output, error) = await NpmTool.RunAsync(package, binary,
            "validate", "--rules", Path.Combine(package, "rules", "control-tower", "cfn-guard"), "--data", templatePath, "--output-format", "json", "--show-summary", "none");
        Assert.True(exitCode is 0 or 19, $"cfn-guard failed with exit code {exitCode}: {error}");
        return Reports(output)
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

    private static async Task<string> EnsureInstalledAsync() =>
        Path.Combine(await NpmTool.InstallAsync(Repository.Tests("Synthesis", "CfnGuard"), "@cdklabs/cdk-validator-cfnguard"),
            "node_modules", "@cdklabs", "cdk-validator-cfnguard");

    [GeneratedRegex(@"/Resources/(?<id>[A-Za-z0-9]+)")]
    private static partial Regex ResourcePath();
}
