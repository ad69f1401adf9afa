namespace Platform.Deployment.Aws.Caches;

/// <summary>
/// The one place that knows which images speak the Redis protocol and what ElastiCache runs for each: Redis as Redis
/// OSS; Valkey as Valkey; Garnet, which has no engine of its own there but speaks the same protocol (RESP), as Valkey,
/// the open-source engine ElastiCache develops.
/// </summary>
internal static class CacheEngines
{
    public const int Port = 6379;

    public static IReadOnlyList<CacheEngine> All { get; } =
    [
        new("Redis", ["redis", "redis/redis-stack-server"], "redis", settings => settings.EngineVersion),
        new("Valkey", ["valkey/valkey"], "valkey", settings => settings.ValkeyEngineVersion),
        new("Garnet", ["ghcr.io/microsoft/garnet"], "valkey", settings => settings.ValkeyEngineVersion),
    ];

    public static CacheEngine? Of(string? image) => All.FirstOrDefault(e => e.Matches(image));
}
