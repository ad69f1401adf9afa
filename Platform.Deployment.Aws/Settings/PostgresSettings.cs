namespace Platform.Deployment.Aws.Settings;

public sealed record PostgresSettings
{
    public string InstanceClass { get; init; } = "t4g.medium";
    public int AllocatedStorageGiB { get; init; } = 20;
    public int MaxAllocatedStorageGiB { get; init; } = 100;

    /// <summary>Days of automated backups, which is also the point-in-time recovery window (1 to 35).</summary>
    public int BackupRetentionDays { get; init; } = 7;

    public bool DeletionProtection { get; init; } = true;
}
