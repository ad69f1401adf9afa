using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.RDS;
using Platform.Deployment.Aws.Alarms;
using Platform.Deployment.Aws.Synthesis;
using Platform.Deployment.Aws.Values;
using Platform.Manifest;
using Endpoint = Platform.Deployment.Aws.Values.Endpoint;
using InstanceType = Amazon.CDK.AWS.EC2.InstanceType;

namespace Platform.Deployment.Aws.Databases;

/// <summary>
/// Database containers as RDS instances of their engine, all of one shape: Multi-AZ, encrypted, automated backups
/// (which give point-in-time recovery over the retention period), in the isolated subnets, deletion protection and a
/// final snapshot, Performance Insights and enhanced monitoring, logs exported; the master password is the manifest's
/// password parameter. Each PostgreSQL replica container becomes an RDS read replica of its primary. Their addresses
/// replace the containers' bindings, so connection strings built from them reach RDS.
/// </summary>
internal static class RdsInstances
{
    public static void Create(DeploymentContext context)
    {
        var primaries = new Dictionary<string, DatabaseInstance>();
        foreach (var server in context.Plan.DatabaseServers)
        {
            var engine = server.Engine;
            var settings = engine.Settings(context.Settings);
            var instance = new DatabaseInstance(context.Stack, LogicalIds.Of(server.Container.Name), new DatabaseInstanceProps
            {
                Engine = engine.InstanceEngine(server.EngineVersion, settings),
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
            primaries.Add(server.Container.Name, instance);
            DatabaseAlarms.Create(context, server.Container.Name, instance, replica: false);
            Register(context, server.Container, instance.DbInstanceEndpointAddress, instance.DbInstanceEndpointPort, engine.Port, instance);
        }
        foreach (var replica in context.Plan.PostgresReplicas)
        {
            var settings = context.Settings.Postgres;
            var instance = new DatabaseInstanceReadReplica(context.Stack, LogicalIds.Of(replica.Container.Name), new DatabaseInstanceReadReplicaProps
            {
                SourceDatabaseInstance = primaries[replica.Primary],
                InstanceType = new InstanceType(settings.InstanceClass),
                Vpc = context.Vpc,
                VpcSubnets = context.DataSubnets,
                // Encryption is the primary's: a replica inherits it, and CloudFormation refuses StorageEncrypted on one.
                StorageType = StorageType.GP3,
                MaxAllocatedStorage = settings.MaxAllocatedStorageGiB,
                DeletionProtection = settings.DeletionProtection,
                RemovalPolicy = RemovalPolicy.DESTROY,
                AutoMinorVersionUpgrade = true,
                PubliclyAccessible = false,
                EnablePerformanceInsights = true,
                MonitoringInterval = Duration.Seconds(60),
                CloudwatchLogsExports = [.. RdsEngines.Postgres.LogExports],
                Port = RdsEngines.Postgres.Port,
            });
            DatabaseAlarms.Create(context, replica.Container.Name, instance, replica: true);
            Register(context, replica.Container, instance.DbInstanceEndpointAddress, instance.DbInstanceEndpointPort, RdsEngines.Postgres.Port, instance);
        }
    }

    /// <summary>A literal user as it is; a parameter's (<c>{user.value}</c>) as a dynamic reference to its secret.</summary>
    private static string MasterUser(DeploymentContext context, string user) =>
        context.Resolver.Resolve(user, "master user") is { Parts: [ReferencePart leaf] } && leaf.Path[0] == "inputs"
            ? context.Parameters.Get(leaf).SecretValue.UnsafeUnwrap()
            : user;

    private static void Register(DeploymentContext context, ManifestContainer container, string host, string port, int targetPort, IConnectable instance)
    {
        foreach (var (name, binding) in container.Bindings)
        {
            context.Endpoints.Add(container.Name, name, new Endpoint(host, port, targetPort, binding.Scheme, instance.Connections));
        }
    }
}
