using Finding = Platform.Deployment.Aws.Tests.Synthesis.CdkValidation.Finding;

namespace Platform.Deployment.Aws.Tests.Synthesis;

/// <summary>
/// Every template the tests synthesize (the repository's manifest with each of its settings, and every reference
/// manifest) through the current AWS CDK's own validation and cdk-nag (<see cref="CdkValidation"/>), checked once for
/// the run in one Node.js process: CloudFormation finds nothing, and every cdk-nag finding is fixed or acknowledged in
/// Platform.Deployment.Aws/README.md ("cdk-nag findings"), whose every row is for a finding that still occurs.
/// </summary>
[Collection(SynthesisCollection.Name)]
public sealed class CdkValidationTests(SynthesizedTemplates templates)
{
    private const string DeprecatedRuntimeProbe = "deprecated-runtime";
    private static readonly Lock Gate = new();
    private static Task<Dictionary<string, Finding[]>>? _findings;

    [Fact]
    public async Task No_template_has_a_CloudFormation_finding()
    {
        var findings = await FindingsAsync();

        var cloudFormation = findings.Where(t => t.Key != DeprecatedRuntimeProbe)
            .SelectMany(t => t.Value.Where(f => f.Plugin == CdkValidation.CloudFormation).Select(f => $"{t.Key}: {f.Rule} {string.Join(", ", f.Resources)}: {f.Description}"))
            .ToList();
        Assert.True(cloudFormation.Count == 0, string.Join("\n", cloudFormation));
    }

    [Fact]
    public async Task No_Lambda_function_in_any_template_uses_a_deprecated_runtime()
    {
        var findings = await FindingsAsync();

        var runtimes = findings.Where(t => t.Key != DeprecatedRuntimeProbe).SelectMany(t => t.Value.Where(IsRuntimeFinding).Select(f => $"{t.Key}: {f.Description}")).ToList();
        Assert.True(runtimes.Count == 0, string.Join("\n", runtimes));
        // The same check finds the runtime the run-once runner had before (deprecated on 2026-04-30).
        Assert.Contains(findings[DeprecatedRuntimeProbe], f => IsRuntimeFinding(f) && f.Description.Contains("nodejs20.x", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_cdk_nag_finding_is_fixed_or_acknowledged_in_the_README()
    {
        var findings = (await FindingsAsync()).Where(t => t.Key != DeprecatedRuntimeProbe)
            .SelectMany(t => t.Value.Where(f => f.Plugin != CdkValidation.CloudFormation).Select(f => (Template: t.Key, Finding: f)))
            .ToList();
        var acknowledged = await ReadmeTables.RulesAsync("cdk-nag findings");

        Assert.Contains(findings, f => f.Finding.Plugin == "AwsSolutions");
        Assert.Contains(findings, f => f.Finding.Plugin == "NIST.800.53.R5");
        var unacknowledged = findings.Where(f => !acknowledged.Contains(f.Finding.Rule)).GroupBy(f => f.Finding.Rule)
            .Select(g => $"{g.Key} ({g.First().Finding.Description}): {string.Join("; ", g.Select(f => $"{f.Template}: {string.Join(", ", f.Finding.Resources)}"))}").ToList();
        Assert.True(unacknowledged.Count == 0, "Fix these findings or acknowledge them in Platform.Deployment.Aws/README.md (\"cdk-nag findings\"):\n" + string.Join("\n", unacknowledged));
        Assert.Empty(acknowledged.Except(findings.Select(f => f.Finding.Rule)));
    }

    private static bool IsRuntimeFinding(Finding finding) =>
        finding.Plugin == CdkValidation.CloudFormation && finding.Description.StartsWith("Runtime:", StringComparison.Ordinal);

    /// <summary>Every template's findings by its name, and those of the platform's template with its Lambda functions on a deprecated runtime.</summary>
    private Task<Dictionary<string, Finding[]>> FindingsAsync()
    {
        lock (Gate)
        {
            return _findings ??= ValidateAsync();
        }
    }

    private async Task<Dictionary<string, Finding[]>> ValidateAsync()
    {
        var paths = SynthesizedTemplates.Inputs.Keys.ToDictionary(name => templates[name].Result.TemplatePath, name => name);
        var probe = templates.Platform.Json;
        foreach (var function in probe["Resources"]!.AsObject().Where(r => r.Value!["Type"]!.GetValue<string>() == "AWS::Lambda::Function"))
        {
            function.Value!["Properties"]!["Runtime"] = "nodejs20.x";
        }
        var probePath = Path.Combine(Path.GetDirectoryName(templates.Platform.Result.TemplatePath)!, DeprecatedRuntimeProbe + ".template.json");
        await File.WriteAllTextAsync(probePath, probe.ToJsonString());
        paths[probePath] = DeprecatedRuntimeProbe;

        var findings = await CdkValidation.ValidateAsync(paths.Keys);
        return findings.ToDictionary(f => paths[f.Key], f => f.Value);
    }
}
