using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.Npgsql;

/// <summary>
/// Samples how far the read replica is behind its primary and exports it as the gauge
/// <c>platform.postgres.replica.lag</c> (seconds). Sampled in the background because a gauge callback must not
/// wait on the database.
/// </summary>
internal sealed class ReplicaLagMonitor : BackgroundService
{
    public const string MeterName = "Platform.Postgres";
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    // An idle primary sends no transactions, so "now - last replayed commit" grows without any lag: a replica that
    // has replayed everything it received is not behind.
    private const string LagQuery = """
        SELECT CASE
            WHEN NOT pg_is_in_recovery() THEN NULL
            WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
            ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8
        END
        """;

    private readonly NpgsqlDataSource _replica;
    private readonly ILogger<ReplicaLagMonitor> _logger;
    private readonly string _replicaName;
    private double? _lagSeconds;

    public ReplicaLagMonitor(NpgsqlDataSource replica, string replicaName, IMeterFactory meters, ILogger<ReplicaLagMonitor> logger)
    {
        _replica = replica;
        _replicaName = replicaName;
        _logger = logger;
        meters.Create(MeterName).CreateObservableGauge("platform.postgres.replica.lag", Observe, "s",
            "How far the read replica's replay is behind its primary; 0 when it has replayed all it received.");
    }

    private IEnumerable<Measurement<double>> Observe() =>
        _lagSeconds is { } lag ? [new(lag, new KeyValuePair<string, object?>("db.replica", _replicaName))] : [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            _lagSeconds = await SampleAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<double?> SampleAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var command = _replica.CreateCommand(LagQuery);
            return await command.ExecuteScalarAsync(cancellationToken) is double lag ? lag : null;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            // The health check reports an unreachable replica; the gauge just has no value meanwhile.
            _logger.LogDebug(e, "Replica lag of {Replica} not sampled", _replicaName);
            return null;
        }
    }
}
