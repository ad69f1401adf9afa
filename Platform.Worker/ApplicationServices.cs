using Platform.Jobs.Lifecycle;
using Platform.Manifest.Conventions;
using Platform.Jobs.Queue;
using Platform.Worker.Analysis;
using Platform.Worker.Jobs;
using Platform.Worker.Processing;
using Platform.Worker.Queue;
using Platform.Worker.Reconciliation;
using Platform.Worker.Telemetry;

namespace Platform.Worker;

/// <summary>The worker's services: its clients, the job queue and lifecycle, the handlers and the background loops.</summary>
internal static class ApplicationServices
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDataSource("platformdb", configureDataSourceBuilder: builder.PoolShare("platformdb"));
        builder.AddResilientRedisClient("cache");
        builder.AddS3Client("assets");

        // Columns are snake_case, C# names PascalCase.
        Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;

        builder.Services.AddOptions<QueueOptions>().BindConfiguration(QueueOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<ReconciliationOptions>().BindConfiguration(ReconciliationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<HostOptions>().Configure<Microsoft.Extensions.Options.IOptions<QueueOptions>>((host, queue) =>
            // Room to finish in-flight jobs, then to hand back the rest.
            host.ShutdownTimeout = TimeSpan.FromMilliseconds(queue.Value.ShutdownGraceMs) + TimeSpan.FromSeconds(5));

        builder.Services.AddSingleton<WorkerMetrics>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<JobTransitions>();
        builder.Services.AddSingleton<JobRecords>();
        builder.Services.AddSingleton<JobStream>();
        builder.Services.AddSingleton<IJobHandler, ProcessAssetHandler>();
        builder.Services.AddSingleton<IJobHandler, VerifyAssetHandler>();
        builder.Services.AddSingleton<IJobHandler, PingHandler>();
        builder.Services.AddSingleton<AssetScanner>();
        builder.Services.AddSingleton<JobRunner>();
        builder.Services.AddHostedService<JobConsumer>();
        builder.Services.AddHostedService<RetryScheduler>();
        builder.Services.AddHostedService<LostJobSweeper>();
        builder.Services.AddHostedService<OrphanSweeper>();
        if (!string.IsNullOrEmpty(builder.Configuration[QueueBacklogMetric.NamespaceKey]))
        {
            builder.Services.AddHostedService<QueueBacklogPublisher>();
        }
    }
}
