using System.Text.RegularExpressions;
using Platform.Deployment.Aws.Tests.Infrastructure;

namespace Platform.Deployment.Aws.Tests.Synthesis;

/// <summary>The tables of Platform.Deployment.Aws/README.md that acknowledge a validator's findings, one rule a row.</summary>
internal static partial class ReadmeTables
{
    /// <summary>The rules in the first column (<c>| `rule`, `rule` | …</c>) of the section headed <paramref name="heading"/>.</summary>
    public static async Task<HashSet<string>> RulesAsync(string heading)
    {
        var readme = await File.ReadAllTextAsync(Repository.Deployment("README.md"));
        var start = readme.IndexOf($"\n## {heading}\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"Platform.Deployment.Aws/README.md has no section '## {heading}'");
        var section = readme[(start + 1)..];
        section = section[..(section.IndexOf("\n## ", 1, StringComparison.Ordinal) is var end and > 0 ? end : section.Length)];
        return [.. FirstCell().Matches(section).SelectMany(cell => Rule().Matches(cell.Groups["cell"].Value)).Select(m => m.Groups["rule"].Value)];
    }

    [GeneratedRegex(@"^\| (?<cell>`[^|]+)\|", RegexOptions.Multiline)]
    private static partial Regex FirstCell();

    [GeneratedRegex("`(?<rule>[^`]+)`")]
    private static partial Regex Rule();
}
