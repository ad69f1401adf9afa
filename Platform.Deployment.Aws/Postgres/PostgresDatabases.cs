using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.RDS;
using Platform.Deployment.Aws.Alarms;
using Platform.Deployment.Aws.Synthesis;
using Platform.Manifest;

namespace Platform.Deployment.Aws.Postgres;

/// <summary>
/// PostgreSQL containers as RDS PostgreSQL: Multi-AZ, encrypted, automated backups (which give point-in-time
/// recovery over the retention period), in the isolated subnets, its master password the manifest's password
/// parameter. Each replica container becomes an RDS read replica of its primary. Their addresses replace the
/// containers' bindings, so connection strings built from them reach RDS.
/// </summary>
internal static class PostgresDatabases
{
    private const int PostgresPort = 5432;

    public static void Create(DeploymentContext context)
    {
        var settings = context.Settings.Postgres;
        var primaries = new Dictionary<string, DatabaseInstance>();
        foreach (var server in context.Plan.PostgresServers)
        {
            var major = server.EngineVersion.Split('.')[0];
            var instance = new DatabaseInstance(context.Stack, LogicalIds.Of(server.Container.Name), new DatabaseInstanceProps
            {
                Engine = DatabaseInstanceEngine.Postgres(new PostgresInstanceEngineProps { Version = PostgresEngineVersion.Of(server.EngineVersion, major) }),
                InstanceType = new Amazon.CDK.AWS.EC2.InstanceType(settings.InstanceClass),
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
                // Allowed beside the password: services may move to IAM tokens without a change here.
                IamAuthentication = true,
                CloudwatchLogsExports = ["postgresql", "upgrade"],
                Credentials = Credentials.FromPassword(server.UserName, context.Parameters.Get(server.Password).SecretValue),
                DatabaseName = server.Database,
                Port = PostgresPort,
            });
            primaries.Add(server.Container.Name, instance);
            DatabaseAlarms.Create(context, server.Container.Name, instance, replica: false);
            Register(context, server.Container, instance.DbInstanceEndpointAddress, instance.DbInstanceEndpointPort, instance);
        }
        foreach (var replica in context.Plan.PostgresReplicas)
        {
            var instance = new DatabaseInstanceReadReplica(context.Stack, LogicalIds.Of(replica.Container.Name), new DatabaseInstanceReadReplicaProps
            {
                SourceDatabaseInstance = primaries[replica.Primary],
                InstanceType = new Amazon.CDK.AWS.EC2.InstanceType(settings.InstanceClass),
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
                CloudwatchLogsExports = ["postgresql", "upgrade"],
                Port = PostgresPort,
            });
            DatabaseAlarms.Create(context, replica.Container.Name, instance, replica: true);
            Register(context, replica.Container, instance.DbInstanceEndpointAddress, instance.DbInstanceEndpointPort, instance);
        }
    }

    private static void Register(DeploymentContext context, ManifestContainer container, string host, string port, IConnectable instance)
    {
        foreach (var binding in container.Bindings.Keys)
        {
            context.Endpoints.Add(container.Name, binding, new Values.Endpoint(host, port, PostgresPort, "tcp", instance.Connections));
        }
    }
}
