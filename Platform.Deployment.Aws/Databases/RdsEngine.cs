using Amazon.CDK.AWS.RDS;
using Platform.Deployment.Aws.Settings;

namespace Platform.Deployment.Aws.Databases;

/// <summary>
/// What differs between the database engines a container becomes on RDS; everything else (Multi-AZ, encryption,
/// backups, isolated subnets, monitoring) is their shared shape in <see cref="RdsInstances"/>.
/// </summary>
/// <param name="Name">As people say it: <c>PostgreSQL</c>.</param>
/// <param name="Repositories">The official images' repositories (<see cref="Plan.ImageNames.Repository"/>).</param>
/// <param name="UserVariable">The container variable that names the superuser, when the image has one.</param>
/// <param name="DefaultUser">The superuser Aspire's connection strings name when that variable is not set.</param>
/// <param name="ReservedUsers">Master user names RDS refuses for this engine; the deployment uses <paramref name="SubstituteUser"/> instead.</param>
/// <param name="DatabaseVariable">The container variable of the database the image creates at start.</param>
/// <param name="RdsCreatesDatabase">Whether RDS creates a database at creation (<c>DBName</c>); SQL Server's does not.</param>
/// <param name="ClientUser">The image's own unprivileged user, who runs the step that creates databases with its client.</param>
/// <param name="PasswordVariable">The variable the client reads its password from, so that none is on a command line.</param>
/// <param name="CreateDatabases">A shell script creating each of <c>$DATABASES</c> that is missing, on <c>$DB_HOST</c>:<c>$DB_PORT</c> as <c>$DB_USER</c>.</param>
internal sealed record RdsEngine(
    string Name,
    string SettingsName,
    IReadOnlyList<string> Repositories,
    int Port,
    string? UserVariable,
    string DefaultUser,
    IReadOnlyList<string> ReservedUsers,
    string SubstituteUser,
    string? DatabaseVariable,
    bool RdsCreatesDatabase,
    bool IamAuthentication,
    IReadOnlyList<string> LogExports,
    string ClientUser,
    string PasswordVariable,
    string CreateDatabases,
    Func<DeploymentSettings, RdsSettings> Settings,
    Func<string?, EngineVersionChoice> VersionOfTag,
    Func<string, RdsSettings, IInstanceEngine> InstanceEngine)
{
    public bool Matches(string? image) => Repositories.Contains(Plan.ImageNames.Repository(image));
}
