using System.Text.RegularExpressions;

namespace Platform.Deployment.Aws.Plan;

/// <summary>Recognises the official images that have a managed service on AWS, as Aspire's integrations write them.</summary>
internal static partial class ImageNames
{
    public static bool IsPostgres(string? image) => Repository(image) is "postgres" or "library/postgres" or "docker.io/library/postgres";

    public static bool IsRedis(string? image) => Repository(image) is "redis" or "library/redis" or "docker.io/library/redis";

    /// <summary>The tag as an engine version (<c>17.6</c>, <c>16</c>), or null when it is no version (<c>latest</c>, a digest).</summary>
    public static string? VersionTag(string image) =>
        VersionPattern().Match(image) is { Success: true } match ? match.Groups["version"].Value : null;

    private static string? Repository(string? image) => image?.Split('@')[0] is { } name && name.LastIndexOf(':') is var colon && colon > name.LastIndexOf('/')
        ? name[..colon]
        : image?.Split('@')[0];

    [GeneratedRegex(@":(?<version>\d+(?:\.\d+)?)(?:[-.][A-Za-z0-9.-]*)?$")]
    private static partial Regex VersionPattern();
}
