using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ElastiCache;
using Platform.Deployment.Aws.Alarms;
using Platform.Deployment.Aws.Synthesis;
using Platform.Deployment.Aws.Values;

namespace Platform.Deployment.Aws.Redis;

/// <summary>
/// Redis containers as ElastiCache replication groups: encrypted in transit (TLS, so the connection string gains
/// <c>ssl=true</c>) and at rest, the manifest's password parameter as the auth token, a replica in another AZ
/// with automatic failover, daily snapshots, in the isolated subnets.
/// </summary>
internal static class RedisCaches
{
    private const int RedisPort = 6379;

    public static void Create(DeploymentContext context)
    {
        var settings = context.Settings.Redis;
        foreach (var cache in context.Plan.RedisCaches)
        {
            var id = LogicalIds.Of(cache.Container.Name);
            var securityGroup = new SecurityGroup(context.Stack, id + "SecurityGroup", new SecurityGroupProps
            {
                Vpc = context.Vpc,
                Description = $"ElastiCache '{cache.Container.Name}': reachable from the tasks that use it",
                AllowAllOutbound = false,
            });
            var subnets = new CfnSubnetGroup(context.Stack, id + "Subnets", new CfnSubnetGroupProps
            {
                Description = $"Isolated subnets of ElastiCache '{cache.Container.Name}'",
                SubnetIds = context.Vpc.SelectSubnets(context.DataSubnets).SubnetIds,
            });
            var group = new CfnReplicationGroup(context.Stack, id, new CfnReplicationGroupProps
            {
                ReplicationGroupDescription = $"Redis '{cache.Container.Name}' of the manifest",
                Engine = "redis",
                EngineVersion = settings.EngineVersion,
                CacheNodeType = settings.NodeType,
                NumCacheClusters = 1 + settings.Replicas,
                AutomaticFailoverEnabled = settings.Replicas > 0,
                MultiAzEnabled = settings.Replicas > 0,
                TransitEncryptionEnabled = true,
                AtRestEncryptionEnabled = true,
                AuthToken = context.Parameters.Get(cache.Password).SecretValue.UnsafeUnwrap(),
                CacheSubnetGroupName = subnets.Ref,
                SecurityGroupIds = [securityGroup.SecurityGroupId],
                Port = RedisPort,
                SnapshotRetentionLimit = settings.SnapshotRetentionDays,
                AutoMinorVersionUpgrade = true,
            });
            CacheAlarms.Create(context, cache.Container.Name, group, nodes: 1 + settings.Replicas);
            var connections = new Connections_(new ConnectionsProps { SecurityGroups = [securityGroup], DefaultPort = Port.Tcp(RedisPort) });
            foreach (var binding in cache.Container.Bindings.Keys)
            {
                context.Endpoints.Add(cache.Container.Name, binding, new Endpoint(
                    group.AttrPrimaryEndPointAddress, group.AttrPrimaryEndPointPort, RedisPort, "tcp", connections));
            }
        }
    }
}
