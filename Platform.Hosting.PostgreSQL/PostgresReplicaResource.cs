using Aspire.Hosting.ApplicationModel;

namespace Platform.Hosting.PostgreSQL;

/// <summary>A read-only hot standby that streams the WAL of <see cref="Primary"/> (made with <c>pg_basebackup -R</c>).</summary>
public sealed class PostgresReplicaResource(string name, PostgresServerResource primary, string dataDirectory)
    : PostgresServerResource(name, primary.Password, dataDirectory)
{
    public PostgresServerResource Primary { get; } = primary;

    /// <summary>The physical replication slot on the primary that keeps the WAL this replica still needs.</summary>
    public string SlotName => Name.Replace('-', '_');
}
