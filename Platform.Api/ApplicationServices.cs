using Platform.Api.Analytics;
using Platform.Api.Assets;
using Platform.Api.Authorization;
using Platform.Api.Jobs;
using Platform.Api.Problems;
using Platform.Api.RateLimiting;
using Platform.Api.Uploads;
using Platform.Jobs.Lifecycle;
using Platform.Jobs.Queue;

namespace Platform.Api;

/// <summary>The api's services: its clients, stores, cache, the job queue, problem responses and rate limiting.</summary>
internal static class ApplicationServices
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDataSource("platformdb", configureDataSourceBuilder: builder.PoolShare("platformdb"));
        builder.AddNpgsqlReadReplicaDataSource("platformdb-replica", primaryConnectionName: "platformdb");
        builder.AddResilientRedisClient("cache");
        builder.AddS3Client("assets");

        // Columns are snake_case, C# names PascalCase.
        Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;

        builder.Services.AddOptions<AssetOptions>().BindConfiguration(AssetOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => o.UploadUrlSeconds <= o.UploadTimeoutSeconds, "Assets:UploadUrlSeconds must not exceed Assets:UploadTimeoutSeconds: an upload must be completed before it is forgotten.")
            .ValidateOnStart();
        builder.Services.AddOptions<AnalyticsOptions>().BindConfiguration(AnalyticsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<JobStream>();
        builder.Services.AddSingleton<JobRecords>();
        builder.Services.AddSingleton<AssetStore>();
        builder.Services.AddSingleton<AssetCache>();
        builder.Services.AddSingleton<ObjectUploader>();
        builder.Services.AddSingleton<PendingUploads>();
        builder.Services.AddSingleton<JobQueries>();
        builder.Services.AddSingleton<AnalyticsQuery>();

        builder.AddApiAuthentication();
        builder.AddProblemResponses();
        builder.AddMutationRateLimiting();
    }
}
