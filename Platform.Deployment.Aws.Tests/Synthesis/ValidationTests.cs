using System.Text.RegularExpressions;
using Platform.Deployment.Aws.Tests.Infrastructure;

namespace Platform.Deployment.Aws.Tests.Synthesis;

/// <summary>
/// The synthesized template against AWS Control Tower's guard rules: every rule it fails is justified in README.md
/// ("Validator findings"), and every justification there is for a rule it, or the template of an app with resources it
/// has not (TestData/Deployment, Aspire's TestProject), still fails.
/// </summary>
[Collection(SynthesisCollection.Name)]
public sealed partial class ValidationTests(SynthesizedTemplates templates)
{
    [Fact]
    public async Task Every_cfn_guard_finding_is_fixed_or_justified_in_the_README()
    {
        var failures = await CfnGuard.FailuresAsync(templates.Platform.Result.TemplatePath);

        var justified = await JustifiedRulesAsync();

        Assert.True(failures.Count > 0, "cfn-guard reported nothing: the rules did not run");
        var unjustified = failures.Keys.Except(justified).Select(rule => $"{rule}: {string.Join(", ", failures[rule])}").ToList();
        Assert.True(unjustified.Count == 0, "Fix these findings or justify them in README.md:\n" + string.Join("\n", unjustified));
        // Each justification is for a rule that still fails: here, or on a resource only other apps have (Amazon MQ, EFS, SQL Server).
        var failing = failures.Keys.ToHashSet();
        foreach (var app in new[] { templates.EShop, templates.Sql, templates.TestProject })
        {
            failing.UnionWith((await CfnGuard.FailuresAsync(app.Result.TemplatePath)).Keys);
        }
        Assert.Empty(justified.Except(failing));
    }

    /// <summary>The rules README.md's "Validator findings" table justifies.</summary>
    internal static async Task<HashSet<string>> JustifiedRulesAsync()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "README.md"));
        var section = readme[readme.IndexOf("### Validator findings", StringComparison.Ordinal)..];
        section = section[..(section.IndexOf("\n## ", StringComparison.Ordinal) is var end and > 0 ? end : section.Length)];
        return [.. JustifiedRule().Matches(section).Select(m => m.Groups["rule"].Value)];
    }

    [GeneratedRegex(@"^\| `(?<rule>[a-z0-9_]+)`", RegexOptions.Multiline)]
    private static partial Regex JustifiedRule();
}
