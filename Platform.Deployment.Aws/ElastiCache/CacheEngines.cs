using Platform.Deployment.Aws.Versions;

namespace Platform.Deployment.Aws.ElastiCache;

/// <summary>
/// The one place that knows which images speak the Redis protocol and what ElastiCache runs for each: Redis as Redis
/// OSS; Valkey as Valkey; Garnet, which has no engine of its own there but speaks the same protocol (RESP), as Valkey,
/// the open-source engine ElastiCache develops. ElastiCache's TLS changes the URI schemes clients use.
/// </summary>
internal static class CacheEngines
{
    public const int Port = 6379;

    public static IReadOnlyList<CacheEngine> All { get; } =
    [
        new("Redis", ["redis", "redis/redis-stack-server"], "redis", ServiceVersions.RedisOss, s => s.EngineVersion, "redis.engineVersion"),
        new("Valkey", ["valkey/valkey"], "valkey", ServiceVersions.Valkey, s => s.ValkeyEngineVersion, "redis.valkeyEngineVersion"),
        new("Garnet", ["ghcr.io/microsoft/garnet"], "valkey", ServiceVersions.Garnet, s => s.ValkeyEngineVersion, "redis.valkeyEngineVersion", TagIsVersion: false),
    ];

    /// <summary>The scheme of a TLS connection for each plain one: <c>redis</c> becomes <c>rediss</c>, <c>valkey</c> <c>valkeys</c>.</summary>
    public static IReadOnlyDictionary<string, string> TlsSchemes { get; } = new Dictionary<string, string> { ["redis"] = "rediss", ["valkey"] = "valkeys" };

    public static CacheEngine? Of(string? image) => All.FirstOrDefault(e => e.Matches(image));

    /// <summary>A binding's scheme over TLS; one that names no Redis protocol (<c>tcp</c>) stays.</summary>
    public static string TlsScheme(string scheme) => TlsSchemes.GetValueOrDefault(scheme, scheme);
}
