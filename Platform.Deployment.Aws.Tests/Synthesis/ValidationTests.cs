namespace Platform.Deployment.Aws.Tests.Synthesis;

/// <summary>
/// The synthesized template against AWS Control Tower's guard rules: every rule it fails is justified in Platform.Deployment.Aws/README.md
/// ("Validator findings"), and every justification there is for a rule it, or the template of an app with resources it
/// has not (TestData/Deployment, Aspire's TestProject), still fails.
/// </summary>
[Collection(SynthesisCollection.Name)]
public sealed class ValidationTests(SynthesizedTemplates templates)
{
    [Fact]
    public async Task Every_cfn_guard_finding_is_fixed_or_justified_in_the_README()
    {
        // Checked side by side: each check takes half a minute. The other apps have resources the repository's has not (Amazon MQ, EFS, SQL Server).
        var checks = new[] { templates.Platform, templates.EShop, templates.Sql, templates.TestProject }.Select(t => CfnGuard.FailuresAsync(t.Result.TemplatePath)).ToList();
        var failures = await checks[0];

        var justified = await JustifiedRulesAsync();

        Assert.True(failures.Count > 0, "cfn-guard reported nothing: the rules did not run");
        var unjustified = failures.Keys.Except(justified).Select(rule => $"{rule}: {string.Join(", ", failures[rule])}").ToList();
        Assert.True(unjustified.Count == 0, "Fix these findings or justify them in Platform.Deployment.Aws/README.md:\n" + string.Join("\n", unjustified));
        // Each justification is for a rule that still fails: here, or on a resource only the other apps have.
        var failing = (await Task.WhenAll(checks)).SelectMany(f => f.Keys).ToHashSet();
        Assert.Empty(justified.Except(failing));
    }

    /// <summary>The rules Platform.Deployment.Aws/README.md's "Validator findings" table justifies.</summary>
    internal static Task<HashSet<string>> JustifiedRulesAsync() => ReadmeTables.RulesAsync("Validator findings");
}
