using System.Text.RegularExpressions;
using Amazon.CDK;
using FileSystem = Amazon.CDK.AWS.EFS.FileSystem;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.EFS;
using Amazon.CDK.AWS.IAM;
using Platform.Deployment.Aws.Fargate;
using Platform.Deployment.Aws.Network;
using Platform.Deployment.Aws.Synthesis;

namespace Platform.Deployment.Aws.Efs;

/// <summary>
/// The named volumes of a container that runs on Fargate (its data, which a task's own storage would lose): one EFS
/// file system per workload, encrypted, with automatic backups, its mount targets in the private subnets, reachable
/// on NFS from that workload's tasks only, and retained when the stack is deleted. Each volume is an access point
/// (its own folder) mounted where the manifest mounts it, over TLS with the task role's IAM authorization, which may
/// mount, write and act as root on this file system only. The access points set no POSIX user: images such as
/// PostgreSQL's or RabbitMQ's change the owner of their data folder at start, which a forced user would forbid.
/// </summary>
internal static partial class TaskFileSystems
{
    /// <remarks>The file system is made at the top of the stack: its Name tag is its path (<see cref="FargateWorkload"/>).</remarks>
    public static FileSystem? Attach(DeploymentContext context, FargateWorkload owner, ContainerDefinition container)
    {
        var (workload, definition) = (owner.Workload, owner.Definition);
        if (workload.FileSystemVolumes.Count == 0)
        {
            return null;
        }
        var id = LogicalIds.Of(workload.Name);
        var fileSystem = new FileSystem(context.Stack, id + "FileSystem", new FileSystemProps
        {
            Vpc = context.Vpc,
            VpcSubnets = context.PrivateSubnets,
            Encrypted = true,
            EnableAutomaticBackups = true,
            PerformanceMode = PerformanceMode.GENERAL_PURPOSE,
            ThroughputMode = ThroughputMode.ELASTIC,
            RemovalPolicy = RemovalPolicy.RETAIN,
            SecurityGroup = ClosedSecurityGroups.Create(context, owner, id + "FileSystemSecurityGroup", $"EFS of {workload.Name}"),
        });
        fileSystem.Connections.AllowDefaultPortFrom(owner.SecurityGroup, $"NFS from {workload.Name}");
        foreach (var (volume, index) in workload.FileSystemVolumes.Select((v, i) => (v, i)))
        {
            var name = VolumeName(volume.Name ?? $"volume{index + 1}");
            var accessPoint = fileSystem.AddAccessPoint(LogicalIds.Of(name) + "AccessPoint", new AccessPointOptions
            {
                Path = "/" + name,
                // Created on first use, open to the container's own user, whatever the image runs as: the access point
                // is this volume's only way in, and only this workload's tasks may mount it.
                CreateAcl = new Acl { OwnerUid = "0", OwnerGid = "0", Permissions = "777" },
            });
            definition.AddVolume(new Amazon.CDK.AWS.ECS.Volume
            {
                Name = name,
                EfsVolumeConfiguration = new EfsVolumeConfiguration
                {
                    FileSystemId = fileSystem.FileSystemId,
                    TransitEncryption = "ENABLED",
                    AuthorizationConfig = new AuthorizationConfig { AccessPointId = accessPoint.AccessPointId, Iam = "ENABLED" },
                },
            });
            container.AddMountPoints(new MountPoint { SourceVolume = name, ContainerPath = volume.Target, ReadOnly = volume.ReadOnly });
        }
        fileSystem.Grant(definition.TaskRole, "elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite", "elasticfilesystem:ClientRootAccess");
        return fileSystem;
    }

    /// <summary>A volume name as ECS and an EFS path take it: letters, digits, hyphens and underscores.</summary>
    private static string VolumeName(string name) => InvalidCharacters().Replace(name, "-");

    [GeneratedRegex("[^A-Za-z0-9_-]")]
    private static partial Regex InvalidCharacters();
}
