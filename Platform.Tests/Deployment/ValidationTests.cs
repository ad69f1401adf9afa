using System.Text.RegularExpressions;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Deployment;

/// <summary>
/// The synthesized template against AWS Control Tower's guard rules: every rule it fails is justified in README.md
/// ("Validator findings"), and every justification there is for a rule it still fails.
/// </summary>
public sealed partial class ValidationTests(SynthesizedPlatform platform) : IClassFixture<SynthesizedPlatform>
{
    [Fact]
    public async Task Every_cfn_guard_finding_is_fixed_or_justified_in_the_README()
    {
        var failures = await CfnGuard.FailuresAsync(platform.Template.Result.TemplatePath);

        var readme = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "README.md"));
        var section = readme[readme.IndexOf("### Validator findings", StringComparison.Ordinal)..];
        section = section[..(section.IndexOf("\n## ", StringComparison.Ordinal) is var end and > 0 ? end : section.Length)];
        var justified = JustifiedRule().Matches(section).Select(m => m.Groups["rule"].Value).ToHashSet();

        Assert.True(failures.Count > 0, "cfn-guard reported nothing: the rules did not run");
        var unjustified = failures.Keys.Except(justified).Select(rule => $"{rule}: {string.Join(", ", failures[rule])}").ToList();
        Assert.True(unjustified.Count == 0, "Fix these findings or justify them in README.md:\n" + string.Join("\n", unjustified));
        Assert.Empty(justified.Except(failures.Keys));
    }

    [GeneratedRegex(@"^\| `(?<rule>[a-z0-9_]+)`", RegexOptions.Multiline)]
    private static partial Regex JustifiedRule();
}
