using Platform.Deployment.Aws.Caches;
using Platform.Manifest;

namespace Platform.Deployment.Aws.Plan;

/// <summary>
/// A Redis-protocol container deployed as an ElastiCache replication group. <see cref="Password"/> is its auth token:
/// the manifest's password parameter, or one the deployment generates when the manifest has none.
/// <see cref="ConnectionString"/> is the manifest's with TLS (and that token) added.
/// </summary>
internal sealed record CacheCluster(ManifestContainer Container, CacheEngine Engine, ManifestParameter Password, string ConnectionString);
