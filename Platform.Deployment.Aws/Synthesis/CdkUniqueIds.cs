using System.Security.Cryptography;
using System.Text;

namespace Platform.Deployment.Aws.Synthesis;

/// <summary>
/// The CDK's unique ID of a construct path (aws-cdk-lib's <c>makeUniqueId</c>, which it cannot change without
/// replacing every deployed resource): <c>Default</c> left out; a single component as it is; otherwise the components
/// without <c>Resource</c> and repeats, then the first 8 hex digits of the MD5 of the path.
/// </summary>
internal static class CdkUniqueIds
{
    private const int MaxHumanLength = 240;
    private const int MaxLength = 255;

    public static string Of(IEnumerable<string> components)
    {
        var path = components.Where(c => c != "Default").ToList();
        if (path.Count == 1 && Alphanumeric(path[0]) is { Length: <= MaxLength } single)
        {
            return single;
        }
        var hash = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(string.Join('/', path))))[..8];
        var human = string.Concat(WithoutRepeats(path).Where(c => c != "Resource").Select(Alphanumeric));
        return human[..Math.Min(human.Length, MaxHumanLength)] + hash;
    }

    /// <summary>A component is left out when the last one kept ends with it (<c>Vpc/Vpc</c>).</summary>
    private static List<string> WithoutRepeats(List<string> path)
    {
        var kept = new List<string>();
        foreach (var component in path.Where(c => kept.Count == 0 || !kept[^1].EndsWith(c, StringComparison.Ordinal)))
        {
            kept.Add(component);
        }
        return kept;
    }

    private static string Alphanumeric(string s) => string.Concat(s.Where(char.IsAsciiLetterOrDigit));
}
