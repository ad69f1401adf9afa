using Platform.Deployment.Aws.Settings;

namespace Platform.Deployment.Aws.ElastiCache;

/// <summary>A Redis-protocol image and the ElastiCache engine that runs it.</summary>
/// <param name="Name">As people say it: <c>Valkey</c>.</param>
/// <param name="ElastiCacheEngine">ElastiCache's engine name: <c>redis</c> or <c>valkey</c>.</param>
internal sealed record CacheEngine(string Name, IReadOnlyList<string> Repositories, string ElastiCacheEngine, Func<RedisSettings, string> Version)
{
    public bool Matches(string? image) => Repositories.Contains(Plan.ImageNames.Repository(image));
}
