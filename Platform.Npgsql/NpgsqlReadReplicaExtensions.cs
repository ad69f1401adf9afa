using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Platform.Npgsql;

namespace Microsoft.Extensions.Hosting;

public static class NpgsqlReadReplicaExtensions
{
    /// <summary>
    /// Registers <see cref="ReadReplicaDataSource"/>: reads go to the replica <paramref name="replicaConnectionName"/> and
    /// fall back to the primary <paramref name="primaryConnectionName"/> while the replica is unreachable (Npgsql
    /// multi-host, <c>Target Session Attributes=prefer-standby</c>). It is Aspire.Npgsql's keyed data source (tracing,
    /// metrics, the settings of <c>Aspire:Npgsql:{replica}</c>), with this service's pool share. Its health check reports
    /// the replica itself, Degraded when it is down, since reads still succeed; its lag is exported as a metric.
    /// </summary>
    public static void AddNpgsqlReadReplicaDataSource(this IHostApplicationBuilder builder, string replicaConnectionName, string primaryConnectionName)
    {
        var replica = builder.Configuration.GetConnectionString(replicaConnectionName)
            ?? throw new InvalidOperationException($"ConnectionString is missing. It should be provided in 'ConnectionStrings:{replicaConnectionName}'.");
        var primary = builder.Configuration.GetConnectionString(primaryConnectionName)
            ?? throw new InvalidOperationException($"ConnectionString is missing. It should be provided in 'ConnectionStrings:{primaryConnectionName}'.");
        builder.AddKeyedNpgsqlDataSource(replicaConnectionName, settings =>
        {
            settings.ConnectionString = ReadReplicaDataSource.FallbackConnectionString(replica, primary);
            settings.DisableHealthChecks = true;
        }, builder.PoolShare(replicaConnectionName));
        builder.Services.AddSingleton(provider => new ReadReplicaDataSource(provider.GetRequiredKeyedService<NpgsqlDataSource>(replicaConnectionName)));

        var replicaOnly = NpgsqlDataSource.Create(replica);
        builder.Services.AddHealthChecks().AddNpgSql(_ => replicaOnly, name: $"PostgreSql_{replicaConnectionName}", failureStatus: HealthStatus.Degraded);
        builder.Services.AddHostedService(provider => ActivatorUtilities.CreateInstance<ReplicaLagMonitor>(provider, replicaOnly, replicaConnectionName));
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(ReplicaLagMonitor.MeterName));
    }
}
