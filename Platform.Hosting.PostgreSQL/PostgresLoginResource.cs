using Aspire.Hosting.ApplicationModel;

namespace Platform.Hosting.PostgreSQL;

/// <summary>
/// A service's own sign-in to a database: a PostgreSQL role with its own password, so that a service gets only what it
/// uses instead of the server's master user. The step that owns the database's schema creates the role and grants it
/// its privileges; a service references the login in place of the database.
/// </summary>
public sealed class PostgresLoginResource(string name, string roleName, PostgresDatabaseResource database, ParameterResource password)
    : Resource(name), IResourceWithParent<PostgresServerResource>, IResourceWithConnectionString, IResourceWithWaitSupport
{
    public string RoleName { get; } = roleName;

    public PostgresDatabaseResource Database { get; } = database;

    public ParameterResource Password { get; } = password;

    /// <summary>The server it signs in to: the database's (a replica's, for a login to a replica's copy).</summary>
    public PostgresServerResource Parent => Database.Parent;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={Parent.PrimaryEndpoint.Property(EndpointProperty.Host)};Port={Parent.PrimaryEndpoint.Property(EndpointProperty.Port)};Username={RoleName};Password={Password};Database={Database.DatabaseName}");
}
