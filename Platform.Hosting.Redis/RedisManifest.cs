using Platform.Hosting.Publishing;

namespace Platform.Hosting.Redis;

/// <summary>Redis in the manifest, as Aspire writes it: a <c>container.v0</c> of the official image with a password
/// and, as locally, an append-only file so the job queue survives a restart.</summary>
internal static class RedisManifest
{
    public const string Image = "docker.io/library/redis:7.4";

    public static void Write(ManifestPublishingContext context, RedisResource redis) =>
        context.WriteContainer(redis, Image,
            new Dictionary<string, string> { ["REDIS_PASSWORD"] = redis.Password.ValueExpression },
            entrypoint: "/bin/sh",
            args: ["-c", "redis-server --requirepass $REDIS_PASSWORD --appendonly yes"]);
}
