using Platform.Hosting.ApplicationModel;
using Platform.Hosting.Parameters;

namespace Platform.Hosting.Postgres;

/// <summary>A PostgreSQL server. Locally a native <c>postgres</c>; in a container deployment the official image; on AWS, RDS.</summary>
public class PostgresServerResource(string name, ParameterResource password)
    : Resource(name), IResourceWithConnectionString, IResourceWithEndpoints, IResourceWithWaitSupport
{
    public const string UserName = "postgres";
    public const string EndpointName = "tcp";
    public const int DefaultPort = 5432;

    public ParameterResource Password { get; } = password;

    public EndpointReference PrimaryEndpoint => new(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={PrimaryEndpoint.Property(EndpointProperty.Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username={UserName};Password={Password}");
}

/// <summary>A read-only hot standby that streams the WAL of <see cref="Primary"/> (made with <c>pg_basebackup -R</c>).</summary>
public sealed class PostgresReplicaResource(string name, PostgresServerResource primary) : PostgresServerResource(name, primary.Password)
{
    public PostgresServerResource Primary { get; } = primary;

    /// <summary>The physical replication slot on the primary that keeps the WAL this replica still needs.</summary>
    public string SlotName => Name.Replace('-', '_');
}

/// <summary>A database on a server. On a replica it is the read-only copy of the primary's database of the same name.</summary>
public sealed class PostgresDatabaseResource(string name, string databaseName, PostgresServerResource parent)
    : Resource(name), IResourceWithParent, IResourceWithConnectionString, IResourceWithWaitSupport
{
    public string DatabaseName { get; } = databaseName;

    public PostgresServerResource Server { get; } = parent;

    public IResource Parent => Server;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Server};Database={DatabaseName}");
}
