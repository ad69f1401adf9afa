using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ElastiCache;
using Platform.Deployment.Aws.Alarms;
using Platform.Deployment.Aws.Network;
using Platform.Deployment.Aws.Synthesis;
using Platform.Deployment.Aws.Values;

namespace Platform.Deployment.Aws.Caches;

/// <summary>
/// Redis-protocol containers (Redis, Valkey, Garnet) as ElastiCache replication groups of their engine: encrypted in
/// transit (TLS, so the connection string gains <c>ssl=true</c> and URIs the <c>rediss</c> scheme) and at rest, the
/// password parameter as the auth token, a replica in another AZ with automatic failover, daily snapshots, in the
/// isolated subnets.
/// </summary>
internal static class ElastiCacheGroups
{
    public static void Create(DeploymentContext context)
    {
        var settings = context.Settings.Redis;
        foreach (var cache in context.Plan.Caches)
        {
            var name = cache.Container.Name;
            var id = LogicalIds.Of(name);
            var securityGroup = ClosedSecurityGroups.Create(context, id + "SecurityGroup", $"ElastiCache '{name}'");
            var subnets = new CfnSubnetGroup(context.Stack, id + "Subnets", new CfnSubnetGroupProps
            {
                Description = $"Isolated subnets of ElastiCache '{name}'",
                SubnetIds = context.Vpc.SelectSubnets(context.DataSubnets).SubnetIds,
            });
            var group = new CfnReplicationGroup(context.Stack, id, new CfnReplicationGroupProps
            {
                ReplicationGroupDescription = $"{cache.Engine.Name} '{name}' of the manifest",
                Engine = cache.Engine.ElastiCacheEngine,
                EngineVersion = cache.Engine.Version(settings),
                CacheNodeType = settings.NodeType,
                NumCacheClusters = 1 + settings.Replicas,
                AutomaticFailoverEnabled = settings.Replicas > 0,
                MultiAzEnabled = settings.Replicas > 0,
                TransitEncryptionEnabled = true,
                AtRestEncryptionEnabled = true,
                AuthToken = context.Parameters.Get(cache.Password).SecretValue.UnsafeUnwrap(),
                CacheSubnetGroupName = subnets.Ref,
                SecurityGroupIds = [securityGroup.SecurityGroupId],
                Port = CacheEngines.Port,
                SnapshotRetentionLimit = settings.SnapshotRetentionDays,
                AutoMinorVersionUpgrade = true,
            });
            CacheAlarms.Create(context, name, group, nodes: 1 + settings.Replicas);
            var connections = new Connections_(new ConnectionsProps { SecurityGroups = [securityGroup], DefaultPort = Port.Tcp(CacheEngines.Port) });
            foreach (var (binding, manifestBinding) in cache.Container.Bindings)
            {
                context.Endpoints.Add(name, binding, new Endpoint(
                    group.AttrPrimaryEndPointAddress, group.AttrPrimaryEndPointPort, CacheEngines.Port, TlsScheme(manifestBinding.Scheme), connections));
            }
        }
    }

    /// <summary>The scheme of a TLS connection: <c>redis</c> becomes <c>rediss</c>, <c>valkey</c> <c>valkeys</c>; <c>tcp</c> stays.</summary>
    private static string TlsScheme(string scheme) => scheme is "redis" or "valkey" ? scheme + "s" : scheme;
}
