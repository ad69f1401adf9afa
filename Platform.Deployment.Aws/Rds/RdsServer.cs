using Amazon.CDK;
using Amazon.CDK.AWS.RDS;
using Platform.Deployment.Aws.Mappings;
using Platform.Deployment.Aws.Synthesis;
using Platform.Deployment.Aws.Values;
using Platform.Manifest;
using Endpoint = Platform.Deployment.Aws.Values.Endpoint;
using InstanceType = Amazon.CDK.AWS.EC2.InstanceType;

namespace Platform.Deployment.Aws.Rds;

/// <summary>
/// A database container as an RDS instance of its engine, of one shape for every engine: Multi-AZ, encrypted, automated
/// backups (which give point-in-time recovery over the retention period), in the isolated subnets, deletion protection
/// and a final snapshot, Performance Insights and enhanced monitoring, logs exported, its alarms; the master password is
/// the manifest's password parameter. Its address replaces the container's bindings, so connection strings built from
/// them reach RDS.
/// </summary>
internal sealed class RdsServer : MappedResource, IAddressable
{
    public RdsServer(DeploymentContext context, DatabaseServer server) : base(context.Stack, server.Name)
    {
        var engine = server.Engine;
        var settings = engine.Settings(context.Settings);
        Instance = new DatabaseInstance(this, Id, new DatabaseInstanceProps
        {
            Engine = engine.InstanceEngine(server.EngineVersion.Version, settings),
            InstanceType = new InstanceType(settings.InstanceClass),
            Vpc = context.Vpc,
            VpcSubnets = context.DataSubnets,
            MultiAz = true,
            StorageEncrypted = true,
            StorageType = StorageType.GP3,
            AllocatedStorage = settings.AllocatedStorageGiB,
            MaxAllocatedStorage = settings.MaxAllocatedStorageGiB,
            BackupRetention = Duration.Days(settings.BackupRetentionDays),
            DeleteAutomatedBackups = false,
            CopyTagsToSnapshot = true,
            DeletionProtection = settings.DeletionProtection,
            RemovalPolicy = RemovalPolicy.SNAPSHOT,
            AutoMinorVersionUpgrade = true,
            PubliclyAccessible = false,
            EnablePerformanceInsights = true,
            MonitoringInterval = Duration.Seconds(60),
            // Allowed beside the password where the engine has it: services may move to IAM tokens without a change here.
            IamAuthentication = engine.IamAuthentication ? true : null,
            CloudwatchLogsExports = [.. engine.LogExports],
            Credentials = Credentials.FromPassword(MasterUser(context, server.UserName), context.Parameters.Get(server.Password).SecretValue),
            DatabaseName = server.CreatedByRds,
            Port = engine.Port,
        });
        DatabaseAlarms.Create(context, this, Instance, replica: false);
        Endpoints = Endpoint.ForBindings(server.Container, Instance.DbInstanceEndpointAddress, Instance.DbInstanceEndpointPort, engine.Port, Instance.Connections);
    }

    public DatabaseInstance Instance { get; }

    public IReadOnlyDictionary<string, Endpoint> Endpoints { get; }

    /// <summary>A literal user as it is; a parameter's (<c>{user.value}</c>) as a dynamic reference to its secret.</summary>
    private static string MasterUser(DeploymentContext context, string user) =>
        context.Resolver.Resolve(user, "master user") is { Parts: [ReferencePart leaf] } && leaf.Path[0] == "inputs"
            ? context.Parameters.Get(leaf).SecretValue.UnsafeUnwrap()
            : user;
}
