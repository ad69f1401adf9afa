using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Platform.Npgsql;

namespace Microsoft.Extensions.Hosting;

public static class NpgsqlReadReplicaExtensions
{
    /// <summary>
    /// Registers <see cref="ReadReplicaDataSource"/>: reads go to the replica <paramref name="replicaConnectionName"/>
    /// (Aspire.Npgsql's keyed data source: tracing, metrics, the settings of <c>Aspire:Npgsql:{replica}</c>, this
    /// service's pool share) and, while the replica does not answer, to the address of the primary
    /// <paramref name="primaryConnectionName"/> with the replica's credentials. Its health check reports the replica itself, Degraded when it is down, since reads still succeed; its lag is
    /// exported as a metric.
    /// </summary>
    public static void AddNpgsqlReadReplicaDataSource(this IHostApplicationBuilder builder, string replicaConnectionName, string primaryConnectionName)
    {
        var primary = builder.Configuration.GetConnectionString(primaryConnectionName)
            ?? throw new InvalidOperationException($"ConnectionString is missing. It should be provided in 'ConnectionStrings:{primaryConnectionName}'.");
        builder.AddKeyedNpgsqlDataSource(replicaConnectionName, settings => settings.DisableHealthChecks = true, builder.PoolShare(replicaConnectionName));

        var replica = builder.Configuration.GetConnectionString(replicaConnectionName)
            ?? throw new InvalidOperationException($"ConnectionString is missing. It should be provided in 'ConnectionStrings:{replicaConnectionName}'.");
        // Reads only while the replica rests: a small pool of its own, beside the service's writes, signed in as the
        // replica's reader (a read-only role where each service has its own), so they stay reads on the primary too.
        var primaryAddress = new NpgsqlConnectionStringBuilder(primary);
        var primaryForReads = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(replica)
        {
            Host = primaryAddress.Host,
            Port = primaryAddress.Port,
            MaxPoolSize = 5,
        });
        builder.Services.AddSingleton(provider => new ReadReplicaDataSource(
            provider.GetRequiredKeyedService<NpgsqlDataSource>(replicaConnectionName), primaryForReads, provider.GetService<TimeProvider>() ?? TimeProvider.System));

        builder.Services.AddHealthChecks().AddNpgSql(provider => provider.GetRequiredKeyedService<NpgsqlDataSource>(replicaConnectionName),
            name: $"PostgreSql_{replicaConnectionName}", failureStatus: HealthStatus.Degraded);
        builder.Services.AddHostedService(provider => ActivatorUtilities.CreateInstance<ReplicaLagMonitor>(provider,
            provider.GetRequiredKeyedService<NpgsqlDataSource>(replicaConnectionName), replicaConnectionName));
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(ReplicaLagMonitor.MeterName));
    }
}
