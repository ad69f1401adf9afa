using Platform.Deployment.Aws.Plan;
using Platform.Deployment.Aws.Settings;
using Platform.Deployment.Aws.Versions;
using Platform.Manifest;

namespace Platform.Deployment.Aws.Rds;

/// <summary>
/// A database container deployed as an RDS instance of its engine, of the version chosen for its image (<see cref="EngineVersion"/>). <see cref="UserName"/> is the master user (a literal,
/// or a parameter's expression); <see cref="Databases"/> are the databases the manifest derives from it, in order.
/// </summary>
internal sealed record DatabaseServer(ManifestContainer Container, RdsEngine Engine, EngineVersionChoice EngineVersion, string UserName, ManifestParameter Password, IReadOnlyList<string> Databases)
    : PlannedResource
{
    public override ManifestResource Resource => Container;

    public override bool Addressable => true;

    public override IEnumerable<ManifestParameter> Secrets => [Password];

    /// <summary>What the deployment dropped or substituted (a data volume, a reserved user).</summary>
    public IReadOnlyList<string> Changes { get; init; } = [];

    /// <summary>The database RDS creates with the instance (its first), if the engine creates one.</summary>
    public string? CreatedByRds => Engine.RdsCreatesDatabase ? Databases.FirstOrDefault() : null;

    /// <summary>The databases the deployment's step creates when they are missing, before their users start.</summary>
    public IReadOnlyList<string> CreatedByStep => [.. Databases.Where(d => d != CreatedByRds)];

    /// <summary>The run-once step that creates <see cref="CreatedByStep"/>.</summary>
    public string StepName => $"{Container.Name}-databases";

    public override PlanLine Describe(DeploymentPlan plan)
    {
        var rds = Engine.Settings(plan.Settings);
        var edition = rds is SqlServerSettings sql ? $" {sql.Edition.ToUpperInvariant()} edition," : "";
        var databases = Databases.Count == 0 ? "no database" : string.Join(", ", Databases.Select(d => d == CreatedByRds ? $"'{d}' (made by RDS)" : $"'{d}' (made by '{StepName}')"));
        return new($"RDS {Engine.Name} {EngineVersion},{edition} Multi-AZ, db.{rds.InstanceClass}, {rds.AllocatedStorageGiB}-{rds.MaxAllocatedStorageGiB} GiB encrypted gp3, backups {rds.BackupRetentionDays} days, isolated subnets; master user '{UserName}'; databases {databases}",
            $"{Engine.SettingsName}.*", Changes);
    }
}
