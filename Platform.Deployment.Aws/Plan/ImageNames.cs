using System.Text.RegularExpressions;

namespace Platform.Deployment.Aws.Plan;

/// <summary>The parts of an image reference as Aspire's integrations write it (<c>docker.io/library/postgres:17.6</c>).</summary>
internal static partial class ImageNames
{
    /// <summary>The repository without registry defaults, tag or digest: <c>postgres</c>, <c>valkey/valkey</c>, <c>ghcr.io/microsoft/garnet</c>.</summary>
    public static string? Repository(string? image)
    {
        var name = image?.Split('@')[0];
        if (name is null)
        {
            return null;
        }
        var colon = name.LastIndexOf(':');
        if (colon > name.LastIndexOf('/'))
        {
            name = name[..colon];
        }
        foreach (var prefix in new[] { "docker.io/library/", "docker.io/", "library/" })
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return name[prefix.Length..];
            }
        }
        return name;
    }

    /// <summary>The tag, or null for none or a digest.</summary>
    public static string? Tag(string image)
    {
        var name = image.Split('@')[0];
        var colon = name.LastIndexOf(':');
        return colon > name.LastIndexOf('/') ? name[(colon + 1)..] : null;
    }

    /// <summary>The tag as an engine version (<c>17.6</c>, <c>16</c>), or null when it is no version (<c>latest</c>, a digest).</summary>
    public static string? VersionTag(string image) =>
        VersionPattern().Match(image) is { Success: true } match ? match.Groups["version"].Value : null;

    [GeneratedRegex(@":(?<version>\d+(?:\.\d+)?)(?:[-.][A-Za-z0-9.-]*)?$")]
    private static partial Regex VersionPattern();
}
