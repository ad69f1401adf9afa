using Npgsql;

namespace Platform.Npgsql;

/// <summary>
/// Reads from the replica while it answers, from the primary while it does not. A replica that fails to connect, loses a
/// connection, or is starting again (57P03, "the database system is starting up", after a restart or a crash) is left
/// alone for <see cref="RestFor"/>, its broken pooled connections dropped, and reads go to the primary meanwhile.
/// </summary>
public sealed class ReadReplicaDataSource(NpgsqlDataSource replica, NpgsqlDataSource primary, TimeProvider time)
{
    public static readonly TimeSpan RestFor = TimeSpan.FromSeconds(5);

    private long _restUntil;

    /// <summary>Whether reads go to the primary now.</summary>
    public bool ReplicaResting => time.GetTimestamp() < Interlocked.Read(ref _restUntil);

    /// <summary>
    /// Runs <paramref name="read"/> on the replica, or on the primary while the replica rests. A request's token bounds
    /// only the wait for a connection (this assembly's README). If the primary fails too, that error is thrown.
    /// </summary>
    public async Task<T> ReadAsync<T>(Func<NpgsqlConnection, Task<T>> read, CancellationToken cancellationToken = default)
    {
        if (!ReplicaResting)
        {
            try
            {
                await using var connection = await replica.OpenConnectionAsync(cancellationToken);
                return await read(connection);
            }
            catch (NpgsqlException e) when (IsUnreachable(e))
            {
                Interlocked.Exchange(ref _restUntil, time.GetTimestamp() + (long)(RestFor.TotalSeconds * time.TimestampFrequency));
                replica.Clear();
            }
        }
        await using var fallback = await primary.OpenConnectionAsync(cancellationToken);
        return await read(fallback);
    }

    /// <summary>The server is not there to answer (network, timeout, shutting down or starting), as opposed to an error
    /// in what was asked of it.</summary>
    private static bool IsUnreachable(NpgsqlException e) =>
        e is not PostgresException postgres || postgres.SqlState.StartsWith("57", StringComparison.Ordinal) || postgres.SqlState.StartsWith("08", StringComparison.Ordinal);
}
