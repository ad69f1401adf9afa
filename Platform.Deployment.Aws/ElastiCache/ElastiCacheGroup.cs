using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ElastiCache;
using Platform.Deployment.Aws.Mappings;
using Platform.Deployment.Aws.Network;
using Platform.Deployment.Aws.Synthesis;
using Platform.Deployment.Aws.Values;
using Endpoint = Platform.Deployment.Aws.Values.Endpoint;

namespace Platform.Deployment.Aws.ElastiCache;

/// <summary>
/// A Redis-protocol container (Redis, Valkey, Garnet) as an ElastiCache replication group of its engine: encrypted in
/// transit (TLS, so the connection string gains <c>ssl=true</c> and URIs the TLS scheme) and at rest, the password
/// parameter as the auth token, a replica in another AZ with automatic failover, daily snapshots, in the isolated
/// subnets, with its alarms.
/// </summary>
internal sealed class ElastiCacheGroup : MappedResource, IAddressable
{
    public ElastiCacheGroup(DeploymentContext context, CacheCluster cache) : base(context.Stack, cache.Name)
    {
        var settings = context.Settings.Redis;
        var securityGroup = ClosedSecurityGroups.Create(context, this, Id + "SecurityGroup", $"ElastiCache {Resource}");
        var subnets = new CfnSubnetGroup(this, Id + "Subnets", new CfnSubnetGroupProps
        {
            Description = $"Isolated subnets of ElastiCache '{Resource}'",
            SubnetIds = context.Vpc.SelectSubnets(context.DataSubnets).SubnetIds,
        });
        var group = new CfnReplicationGroup(this, Id, new CfnReplicationGroupProps
        {
            ReplicationGroupDescription = $"{cache.Engine.Name} '{Resource}' of the manifest",
            Engine = cache.Engine.ElastiCacheEngine,
            EngineVersion = cache.Version.Version,
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
        CacheAlarms.Create(context, this, group, nodes: 1 + settings.Replicas);
        var connections = new Connections_(new ConnectionsProps { SecurityGroups = [securityGroup], DefaultPort = Port.Tcp(CacheEngines.Port) });
        Endpoints = Endpoint.ForBindings(cache.Container, group.AttrPrimaryEndPointAddress, group.AttrPrimaryEndPointPort, CacheEngines.Port, connections, CacheEngines.TlsScheme);
    }

    public IReadOnlyDictionary<string, Endpoint> Endpoints { get; }
}
