using Platform.Hosting.ApplicationModel;
using Platform.Hosting.Orchestration;
using Platform.Hosting.Parameters;
using Platform.Hosting.Publishing;

namespace Platform.Hosting.Redis;

public static class RedisBuilderExtensions
{
    /// <summary>Adds Redis with a password (generated once unless given) and persistence: the job queue survives restarts.</summary>
    public static IResourceBuilder<RedisResource> AddRedis(this IDistributedApplicationBuilder builder, string name,
        IResourceBuilder<ParameterResource>? password = null, int? port = null)
    {
        var passwordParameter = password?.Resource ?? builder.AddGeneratedSecret($"{name}-password").Resource;
        var redis = new RedisResource(name, passwordParameter);
        return builder.AddResource(redis)
            .WithEndpoint(new EndpointAnnotation(RedisResource.EndpointName, "tcp", "tcp", RedisResource.DefaultPort, port))
            .WithAnnotation(new LocalRunnerAnnotation(new RedisRunner()))
            .WithManifestPublishingCallback(context => RedisManifest.Write(context, redis));
    }
}
