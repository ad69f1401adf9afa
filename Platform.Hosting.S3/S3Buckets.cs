using System.Security;
using System.Text;
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
        await SetCorsAsync(bucket, cancellationToken);
    }

    /// <summary>The browser origins the bucket answers (presigned PUT and GET, with the signed Content-Type), and no other;
    /// a bucket without any keeps no CORS rules, so a browser may not call it at all.</summary>
    private static async Task SetCorsAsync(S3BucketResource bucket, CancellationToken cancellationToken)
    {
        var origins = new List<string>();
        foreach (var annotation in bucket.Annotations.OfType<S3BrowserOriginAnnotation>())
        {
            origins.Add((await annotation.Origin.GetValueAsync(cancellationToken))!.TrimEnd('/'));
        }
        if (origins.Count == 0)
        {
            return;
        }
        var rules = new StringBuilder("<CORSConfiguration><CORSRule>");
        foreach (var origin in origins)
        {
            rules.Append("<AllowedOrigin>").Append(SecurityElement.Escape(origin)).Append("</AllowedOrigin>");
        }
        rules.Append("<AllowedMethod>PUT</AllowedMethod><AllowedMethod>GET</AllowedMethod><AllowedMethod>HEAD</AllowedMethod>")
            .Append("<AllowedHeader>content-type</AllowedHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>600</MaxAgeSeconds>")
            .Append("</CORSRule></CORSConfiguration>");
        using var content = new StringContent(rules.ToString(), Encoding.UTF8, "application/xml");
        using var response = await S3Emulator.Http.PutAsync($"{await UrlAsync(bucket, cancellationToken)}?cors", content, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new DistributedApplicationException($"Could not set the CORS rules of bucket '{bucket.BucketName}': the emulator answered {(int)response.StatusCode}.");
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
