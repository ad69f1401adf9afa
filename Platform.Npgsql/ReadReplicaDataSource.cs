using Npgsql;

namespace Platform.Npgsql;

/// <summary>Connections for reads: to the replica when it is up, to the primary when it is not.</summary>
public sealed class ReadReplicaDataSource(NpgsqlDataSource dataSource)
{
    public NpgsqlDataSource DataSource { get; } = dataSource;

    public NpgsqlConnection CreateConnection() => DataSource.CreateConnection();

    public ValueTask<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken = default) =>
        DataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>One multi-host connection string: the replica's host first, then the primary's, preferring a standby.
    /// Both must log in the same way (a streaming replica shares its primary's users and databases).</summary>
    public static string FallbackConnectionString(string replicaConnectionString, string primaryConnectionString)
    {
        var replica = new NpgsqlConnectionStringBuilder(replicaConnectionString);
        var primary = new NpgsqlConnectionStringBuilder(primaryConnectionString);
        if (replica.Username != primary.Username || replica.Password != primary.Password || replica.Database != primary.Database)
        {
            throw new InvalidOperationException(
                "The read replica and its primary must share the username, password and database: a streaming replica is a copy of its primary.");
        }
        replica.Host = $"{HostAndPort(replica)},{HostAndPort(primary)}";
        replica.Port = 5432;
        replica.TargetSessionAttributes = "prefer-standby";
        return replica.ConnectionString;
    }

    private static string HostAndPort(NpgsqlConnectionStringBuilder builder) => $"{builder.Host}:{builder.Port}";
}
