using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Hosting.Orchestration;

namespace Platform.Hosting.S3;

/// <summary>
/// Runs the s3rver emulator with Node.js. The AppHost installs it itself, with <c>npm ci</c> from a pinned lock
/// file, into the tools folder (shared by all runs and data folders), the first time it is needed.
/// </summary>
internal sealed class S3EmulatorRunner : ILocalRunner
{
    internal static readonly HttpClient Http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };

    public IEnumerable<NativeTool> RequiredTools => [NativeTools.Node, NativeTools.Npm];

    public async Task<ProcessSpec?> PrepareAsync(LocalRunContext context, CancellationToken cancellationToken)
    {
        var emulator = await S3EmulatorInstaller.EnsureInstalledAsync(context, cancellationToken);
        await context.CreateServiceDirectoryAsync(context.DataDirectory, cancellationToken);
        return new ProcessSpec(context.Tools.PathOf(NativeTools.Node),
        [
            // s3rver signs ListObjectsV2 continuation tokens with DES, which OpenSSL 3 (Node 17+) keeps in its legacy
            // provider: without it, listing more objects than one page holds fails with a 500.
            "--openssl-legacy-provider",
            emulator,
            "--directory", context.DataDirectory,
            "--address", "127.0.0.1",
            "--port", context.PortOf(S3StorageResource.EndpointName).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--no-vhost-buckets",
        ]);
    }

    /// <summary>A real S3 call: ListBuckets must answer with its XML document.</summary>
    public async Task<HealthStatus> CheckHealthAsync(LocalRunContext context, CancellationToken cancellationToken)
    {
        var body = await Http.GetStringAsync(StorageUrl(context), cancellationToken);
        return body.Contains("<ListAllMyBucketsResult", StringComparison.Ordinal) ? HealthStatus.Healthy : HealthStatus.Unhealthy;
    }

    internal static string StorageUrl(LocalRunContext context) =>
        $"http://127.0.0.1:{context.PortOf(S3StorageResource.EndpointName)}/";
}

/// <summary>A bucket has no process: it is created through the S3 API once the storage is healthy.</summary>
internal sealed class S3BucketRunner : ILocalRunner
{
    public IEnumerable<NativeTool> RequiredTools => [];

    public async Task<ProcessSpec?> PrepareAsync(LocalRunContext context, CancellationToken cancellationToken)
    {
        using var response = await S3EmulatorRunner.Http.PutAsync(BucketUrl(context), content: null, cancellationToken);
        if (!response.IsSuccessStatusCode && response.StatusCode != System.Net.HttpStatusCode.Conflict)
        {
            throw new DistributedApplicationException(
                $"Could not create bucket '{((S3BucketResource)context.Resource).BucketName}': the emulator answered {(int)response.StatusCode}.");
        }
        return null;
    }

    public async Task<HealthStatus> CheckHealthAsync(LocalRunContext context, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, BucketUrl(context));
        using var response = await S3EmulatorRunner.Http.SendAsync(request, cancellationToken);
        return response.IsSuccessStatusCode ? HealthStatus.Healthy : HealthStatus.Unhealthy;
    }

    private static string BucketUrl(LocalRunContext context)
    {
        var bucket = (S3BucketResource)context.Resource;
        return $"http://127.0.0.1:{bucket.Storage.PrimaryEndpoint.Allocated.Port}/{bucket.BucketName}";
    }
}
