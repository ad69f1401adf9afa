using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.AWSSDK.S3;

namespace Microsoft.Extensions.Hosting;

/// <summary>An S3 client (AWSSDK.S3) configured from <c>Aspire:S3</c>, then <c>ConnectionStrings:{name}</c>.</summary>
public static class S3Extensions
{
    public const string SectionName = "Aspire:S3";

    /// <summary>Registers <see cref="IAmazonS3"/> and the <see cref="S3Connection"/> (with its bucket), and a health check that lists the bucket.</summary>
    public static IHostApplicationBuilder AddS3Client(this IHostApplicationBuilder builder, string connectionName)
    {
        var settings = ClientSettings.Bind<S3Settings>(builder.Configuration, SectionName, connectionName);
        var connection = S3Connection.Parse(settings.ConnectionString!);
        builder.Services.AddSingleton(connection);
        builder.Services.AddSingleton(_ => connection.CreateClient());
        if (!settings.DisableHealthChecks && connection.BucketName is not null)
        {
            builder.Services.AddHealthChecks().AddCheck<S3BucketHealthCheck>($"S3_{connectionName}");
        }
        return builder;
    }

    private sealed class S3BucketHealthCheck(IAmazonS3 client, S3Connection connection) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = connection.BucketName, MaxKeys = 1 }, cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception e) when (e is AmazonServiceException or HttpRequestException)
            {
                return new HealthCheckResult(context.Registration.FailureStatus, exception: e);
            }
        }
    }
}
