using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.PostgreSQL;

/// <summary>A database on a server. On a replica it is the read-only copy of the primary's database of the same name.</summary>
public sealed class PostgresDatabaseResource(string name, string databaseName, PostgresServerResource parent)
    : Resource(name), IResourceWithParent, IResourceWithConnectionString, IResourceWithWaitSupport
{
    public string DatabaseName { get; } = databaseName;

    public PostgresServerResource Server { get; } = parent;

    public IResource Parent => Server;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Server};Database={DatabaseName}");
}
