using Platform.Deployment.Aws.Plan;
using Platform.Deployment.Aws.Settings;
using Platform.Deployment.Aws.Versions;

namespace Platform.Deployment.Aws.ElastiCache;

/// <summary>A Redis-protocol image and the ElastiCache engine that runs it.</summary>
/// <param name="Name">As people say it: <c>Valkey</c>.</param>
/// <param name="ElastiCacheEngine">ElastiCache's engine name: <c>redis</c> or <c>valkey</c>.</param>
/// <param name="Versions">What ElastiCache offers of that engine.</param>
/// <param name="Pinned">The setting that pins a version (its name is <paramref name="Setting"/>).</param>
/// <param name="TagIsVersion">Whether the image's tag is the engine's version (Garnet's is its own).</param>
internal sealed record CacheEngine(string Name, IReadOnlyList<string> Repositories, string ElastiCacheEngine, OfferedVersions Versions,
    Func<RedisSettings, string?> Pinned, string Setting, bool TagIsVersion = true)
{
    public bool Matches(string? image) => Repositories.Contains(ImageNames.Repository(image));

    /// <summary>The settings' version, else the major of the image's tag as ElastiCache offers it.</summary>
    public EngineVersionChoice VersionFor(string image, RedisSettings settings)
    {
        var major = TagIsVersion ? ImageNames.VersionTag(image)?.Split('.')[0] : null;
        return Versions.Choose(ImageNames.Tag(image), major, Pinned(settings), Setting);
    }
}
