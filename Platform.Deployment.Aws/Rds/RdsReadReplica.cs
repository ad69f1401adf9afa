using Amazon.CDK;
using Amazon.CDK.AWS.RDS;
using Platform.Deployment.Aws.Mappings;
using Platform.Deployment.Aws.Synthesis;
using Platform.Deployment.Aws.Values;
using Endpoint = Platform.Deployment.Aws.Values.Endpoint;
using InstanceType = Amazon.CDK.AWS.EC2.InstanceType;

namespace Platform.Deployment.Aws.Rds;

/// <summary>
/// A PostgreSQL replica container as an RDS read replica of its primary's instance, in the isolated subnets, with its
/// alarms (the replica lag among them); its address replaces the container's bindings.
/// </summary>
internal sealed class RdsReadReplica : MappedResource, IAddressable
{
    public RdsReadReplica(DeploymentContext context, PostgresReplica replica, RdsServer primary) : base(context.Stack, replica.Name)
    {
        var settings = context.Settings.Postgres;
        var engine = RdsEngines.Postgres;
        var instance = new DatabaseInstanceReadReplica(this, Id, new DatabaseInstanceReadReplicaProps
        {
            SourceDatabaseInstance = primary.Instance,
            InstanceType = new InstanceType(settings.InstanceClass),
            Vpc = context.Vpc,
            VpcSubnets = context.DataSubnets,
            // Encrypted as the primary is, with its key: a replica inherits its source's encryption, and CloudFormation's
            // schema refuses StorageEncrypted beside SourceDBInstanceIdentifier (F3020). The plan states it.
            StorageType = StorageType.GP3,
            MaxAllocatedStorage = settings.MaxAllocatedStorageGiB,
            DeletionProtection = settings.DeletionProtection,
            RemovalPolicy = RemovalPolicy.DESTROY,
            AutoMinorVersionUpgrade = true,
            PubliclyAccessible = false,
            EnablePerformanceInsights = true,
            MonitoringInterval = Duration.Seconds(60),
            CloudwatchLogsExports = [.. engine.LogExports],
            Port = engine.Port,
        });
        DatabaseAlarms.Create(context, this, instance, replica: true);
        Endpoints = Endpoint.ForBindings(replica.Container, instance.DbInstanceEndpointAddress, instance.DbInstanceEndpointPort, engine.Port, instance.Connections);
    }

    public IReadOnlyDictionary<string, Endpoint> Endpoints { get; }
}
