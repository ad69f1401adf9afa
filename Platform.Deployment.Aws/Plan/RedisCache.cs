using Platform.Manifest;

namespace Platform.Deployment.Aws.Plan;

/// <summary>A Redis container, deployed as ElastiCache; <see cref="ConnectionString"/> adds the TLS that ElastiCache requires.</summary>
public sealed record RedisCache(ManifestContainer Container, ManifestParameter Password)
{
    public string ConnectionString => Container.ConnectionString + ",ssl=true";
}
