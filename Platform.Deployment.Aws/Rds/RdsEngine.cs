using Amazon.CDK.AWS.RDS;
using Platform.Deployment.Aws.Plan;
using Platform.Deployment.Aws.Settings;
using Platform.Deployment.Aws.Versions;

namespace Platform.Deployment.Aws.Rds;

/// <summary>
/// What differs between the database engines a container becomes on RDS; everything else (Multi-AZ, encryption,
/// backups, isolated subnets, monitoring) is their shared shape in <see cref="RdsServer"/>.
/// </summary>
internal sealed record RdsEngine
{
    /// <summary>As people say it: <c>PostgreSQL</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Its section of the settings (<c>postgres</c>), and that section.</summary>
    public required string SettingsName { get; init; }

    public required Func<DeploymentSettings, RdsSettings> Settings { get; init; }

    /// <summary>The official images' repositories (<see cref="ImageNames.Repository"/>).</summary>
    public required IReadOnlyList<string> Repositories { get; init; }

    public required int Port { get; init; }

    /// <summary>The versions RDS offers for this engine (<see cref="ServiceVersions"/>).</summary>
    public required OfferedVersions Versions { get; init; }

    /// <summary>The major an image's tag names, as <see cref="Versions"/> knows majors (null: none).</summary>
    public required Func<string, string?> MajorOf { get; init; }

    public required Func<string, RdsSettings, IInstanceEngine> InstanceEngine { get; init; }

    /// <summary>The container variable that names the superuser, when the image has one.</summary>
    public string? UserVariable { get; init; }

    /// <summary>The superuser Aspire's connection strings name when that variable is not set.</summary>
    public required string DefaultUser { get; init; }

    /// <summary>Master user names RDS refuses for this engine; the deployment uses <see cref="SubstituteUser"/> instead.</summary>
    public required IReadOnlyList<string> ReservedUsers { get; init; }

    public required string SubstituteUser { get; init; }

    /// <summary>The container variable of the database the image creates at start.</summary>
    public string? DatabaseVariable { get; init; }

    /// <summary>Whether RDS creates a database at creation (<c>DBName</c>); SQL Server's does not.</summary>
    public required bool RdsCreatesDatabase { get; init; }

    public required bool IamAuthentication { get; init; }

    public required IReadOnlyList<string> LogExports { get; init; }

    /// <summary>The image's client, which the deployment's step runs to create the databases RDS does not.</summary>
    public required DatabaseClient Client { get; init; }

    public bool Matches(string? image) => Repositories.Contains(ImageNames.Repository(image));
}
