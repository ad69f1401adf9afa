namespace Platform.Deployment.Aws.Settings;

/// <summary>
/// One RDS engine's instances (<c>postgres</c>, <c>mysql</c>, <c>sqlServer</c>): the same fields for every engine, with
/// the engine's own defaults where they differ (see <see cref="SqlServerSettings"/>).
/// </summary>
public record RdsSettings
{
    public string InstanceClass { get; init; } = "t4g.medium";
    public int AllocatedStorageGiB { get; init; } = 20;
    public int MaxAllocatedStorageGiB { get; init; } = 100;

    /// <summary>Days of automated backups, which is also the point-in-time recovery window (1 to 35).</summary>
    public int BackupRetentionDays { get; init; } = 7;

    public bool DeletionProtection { get; init; } = true;

    /// <summary>The RDS engine version; unset, it comes from the image's tag (see README, "Mapping").</summary>
    public string? EngineVersion { get; init; }
}
