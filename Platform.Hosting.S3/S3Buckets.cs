using Aspire.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.Hosting.S3;

/// <summary>A bucket has no process: it is created through the S3 API once its storage is ready, and healthy while it answers.</summary>
internal static class S3Buckets
{
    public static async Task CreateAsync(S3BucketResource bucket, CancellationToken cancellationToken)
    {
        using var response = await S3Emulator.Http.PutAsync(await UrlAsync(bucket, cancellationToken), content: null, cancellationToken);
        if (!response.IsSuccessStatusCode && response.StatusCode != System.Net.HttpStatusCode.Conflict)
        {
            throw new DistributedApplicationException($"Could not create bucket '{bucket.BucketName}': the emulator answered {(int)response.StatusCode}.");
        }
    }

    public static async Task<HealthCheckResult> CheckAsync(S3BucketResource bucket, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, await UrlAsync(bucket, cancellationToken));
        using var response = await S3Emulator.Http.SendAsync(request, cancellationToken);
        return response.IsSuccessStatusCode ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy($"HEAD answered {(int)response.StatusCode}");
    }

    private static async Task<string> UrlAsync(S3BucketResource bucket, CancellationToken cancellationToken) =>
        $"{(await bucket.Parent.PrimaryEndpoint.GetValueAsync(cancellationToken))?.TrimEnd('/')}/{bucket.BucketName}";
}
