using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Platform.Clients;
using Platform.Npgsql;

namespace Microsoft.Extensions.Hosting;

/// <summary>PostgreSQL clients with Aspire.Npgsql's configuration: <c>Aspire:Npgsql</c>, then <c>ConnectionStrings:{name}</c>.</summary>
public static class NpgsqlExtensions
{
    public const string SectionName = "Aspire:Npgsql";

    /// <summary>Registers an <see cref="NpgsqlDataSource"/> for the connection <paramref name="connectionName"/>, with its health check and tracing.</summary>
    public static IHostApplicationBuilder AddNpgsqlDataSource(this IHostApplicationBuilder builder, string connectionName)
    {
        var settings = ClientSettings.Bind<NpgsqlSettings>(builder.Configuration, SectionName, connectionName);
        builder.Services.AddSingleton(provider =>
        {
            var dataSource = new NpgsqlDataSourceBuilder(settings.ConnectionString).UseLoggerFactory(provider.GetService<Microsoft.Extensions.Logging.ILoggerFactory>());
            dataSource.ConnectionStringBuilder.MaxPoolSize = settings.MaxPoolSize ?? dataSource.ConnectionStringBuilder.MaxPoolSize;
            return dataSource.Build();
        });
        AddHealthAndTelemetry(builder, settings, connectionName, provider => provider.GetRequiredService<NpgsqlDataSource>(), HealthStatus.Unhealthy);
        return builder;
    }

    /// <summary>
    /// Registers <see cref="ReadReplicaDataSource"/>: reads go to the replica <paramref name="replicaConnectionName"/>
    /// and fall back to the primary <paramref name="primaryConnectionName"/> while the replica is unreachable
    /// (Npgsql multi-host, <c>Target Session Attributes=prefer-standby</c>). Its health check reports the replica
    /// itself, Degraded when it is down, since reads still succeed. The replica's lag is exported as a metric.
    /// </summary>
    public static IHostApplicationBuilder AddNpgsqlReadReplicaDataSource(this IHostApplicationBuilder builder, string replicaConnectionName, string primaryConnectionName)
    {
        var replica = ClientSettings.Bind<NpgsqlSettings>(builder.Configuration, SectionName, replicaConnectionName);
        var primary = ClientSettings.Bind<NpgsqlSettings>(builder.Configuration, SectionName, primaryConnectionName);
        var reads = new NpgsqlConnectionStringBuilder(ReadReplicaDataSource.FallbackConnectionString(replica.ConnectionString!, primary.ConnectionString!));
        reads.MaxPoolSize = replica.MaxPoolSize ?? reads.MaxPoolSize;
        var readDataSource = NpgsqlDataSource.Create(reads);
        var replicaOnly = NpgsqlDataSource.Create(replica.ConnectionString!);
        builder.Services.AddSingleton(new ReadReplicaDataSource(readDataSource));
        AddHealthAndTelemetry(builder, replica, replicaConnectionName, _ => replicaOnly, HealthStatus.Degraded);
        if (!replica.DisableMetrics)
        {
            builder.Services.AddHostedService(provider => ActivatorUtilities.CreateInstance<ReplicaLagMonitor>(provider, replicaOnly, replicaConnectionName));
            builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(ReplicaLagMonitor.MeterName));
        }
        return builder;
    }

    private static void AddHealthAndTelemetry(IHostApplicationBuilder builder, NpgsqlSettings settings, string connectionName,
        Func<IServiceProvider, NpgsqlDataSource> dataSource, HealthStatus failureStatus)
    {
        if (!settings.DisableHealthChecks)
        {
            builder.Services.AddHealthChecks().AddNpgSql(dataSource, name: $"PostgreSql_{connectionName}", failureStatus: failureStatus);
        }
        if (!settings.DisableTracing)
        {
            builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing.AddNpgsql());
        }
        if (!settings.DisableMetrics)
        {
            builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter("Npgsql"));
        }
    }
}
