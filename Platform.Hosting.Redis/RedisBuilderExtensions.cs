using System.Net.Sockets;
using Aspire.Hosting.ApplicationModel;
using Platform.Hosting.Processes;
using Platform.Hosting.Publishing;
using Platform.Hosting.Redis;

namespace Aspire.Hosting;

public static class RedisBuilderExtensions
{
    /// <summary>The image Aspire.Hosting.Redis 13.6.5 publishes.</summary>
    public const string Image = "docker.io/library/redis:8.6";

    private static readonly NativeTool Server = NativeTool.OnPath("redis-server", "apt-get install -y redis-server");

    /// <summary>
    /// Adds a Redis server run natively (no container): a password generated once unless given, and an append-only
    /// file in the AppHost's data folder. Published as Aspire's Redis container, with the append-only file on.
    /// </summary>
    public static IResourceBuilder<RedisResource> AddNativeRedis(this IDistributedApplicationBuilder builder, string name,
        IResourceBuilder<ParameterResource>? password = null)
    {
        var processes = builder.AddNativeRuntime();
        var passwordParameter = password?.Resource ?? builder.AddGeneratedSecret($"{name}-password").Resource;
        var redis = new RedisResource(name, passwordParameter, processes.Options.DataDirectoryOf(name));
        return builder.AddResource(redis)
            .WithAnnotation(new EndpointAnnotation(ProtocolType.Tcp, uriScheme: "redis", name: RedisResource.EndpointName,
                targetPort: builder.ExecutionContext.IsPublishMode ? RedisResource.DefaultPort : null, isProxied: false))
            .WithNativeProcess(Server)
            .WithArgs(context =>
            {
                foreach (var arg in RedisConfiguration.Arguments(redis))
                {
                    context.Args.Add(arg);
                }
            })
            .OnBeforeResourceStarted((resource, e, cancellationToken) => RedisConfiguration.WriteAsync(resource, e, cancellationToken))
            .WithReadinessCheck((_, cancellationToken) => RedisHealth.CheckAsync(redis, cancellationToken))
            .WithManifestPublishingCallback(context =>
            {
                ContainerManifestEntry.Write(context, redis, Image, new Dictionary<string, string> { ["REDIS_PASSWORD"] = redis.Password.ValueExpression },
                    entrypoint: "/bin/sh", args: ["-c", "redis-server --requirepass $REDIS_PASSWORD --appendonly yes"]);
            });
    }
}
