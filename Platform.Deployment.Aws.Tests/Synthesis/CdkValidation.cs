using System.Text.Json;
using Platform.Deployment.Aws.Tests.Infrastructure;

namespace Platform.Deployment.Aws.Tests.Synthesis;

/// <summary>
/// The checks a new user of the current AWS CDK meets before a first deploy: npm's <c>aws-cdk-lib</c> (2.276) includes
/// each template whole (<c>CfnInclude</c>) and validates every resource against CloudFormation's registry schemas and
/// rules (patterns, engine versions, deprecated runtimes), and cdk-nag's AwsSolutions and NIST 800-53 rev 5 packs run
/// on it, all into the app's policy-validation report (<c>CdkValidation/validate.js</c>). Installed once with npm ci
/// from <c>CdkValidation/package-lock.json</c>; offline. One Node.js process checks every template given to it at once,
/// since the validation engine takes seconds to start.
/// </summary>
internal static class CdkValidation
{
    /// <summary>The plugin whose findings are CloudFormation's own (schema, pattern, deprecated runtime).</summary>
    public const string CloudFormation = "CloudFormation Validate";

    public sealed record Finding(string Plugin, string Rule, string Severity, string Description, string[] Resources);

    /// <summary>The findings of each template, by its path.</summary>
    public static async Task<Dictionary<string, Finding[]>> ValidateAsync(IEnumerable<string> templatePaths)
    {
        var tool = await NpmTool.InstallAsync(Repository.Tests("Synthesis", "CdkValidation"), "cdk-nag");
        var (exitCode, output, error) = await NpmTool.RunAsync(tool, "node", ["validate.js", .. templatePaths], input: null);
        Assert.True(exitCode == 0, $"the CDK validation failed to run: {error}");
        return JsonSerializer.Deserialize<Dictionary<string, Finding[]>>(output, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
    }
}
