using Amazon.S3;
using Amazon.S3.Model;

namespace Platform.AWSSDK.S3;

/// <summary>
/// Presigned requests that let a client move an object's bytes to and from the bucket itself. SigV4, which the SDK uses
/// for any expiry under 7 days: it signs the headers named here (SigV2 would not sign the Content-Length).
/// </summary>
public static class PresignedRequests
{
    /// <summary>A PUT of exactly <paramref name="size"/> bytes of type <paramref name="contentType"/> to <paramref name="key"/>:
    /// both are signed headers, so the store refuses any other size or type.</summary>
    public static Task<string> UploadUrlAsync(this IAmazonS3 s3, string bucket, string key, string contentType, long size, DateTimeOffset expiresAt)
    {
        var request = new GetPreSignedUrlRequest
        {
            BucketName = bucket,
            Key = key,
            Verb = HttpVerb.PUT,
            Protocol = ProtocolOf(s3),
            ContentType = contentType,
            Expires = expiresAt.UtcDateTime,
        };
        request.Headers.ContentLength = size;
        return s3.GetPreSignedURLAsync(request);
    }

    /// <summary>A GET of <paramref name="key"/> whose answer carries <paramref name="contentType"/> and
    /// <paramref name="contentDisposition"/> (both signed, as response-* parameters).</summary>
    public static Task<string> DownloadUrlAsync(this IAmazonS3 s3, string bucket, string key, string contentType, string contentDisposition, DateTimeOffset expiresAt) =>
        s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = bucket,
            Key = key,
            Verb = HttpVerb.GET,
            Protocol = ProtocolOf(s3),
            Expires = expiresAt.UtcDateTime,
            ResponseHeaderOverrides = { ContentType = contentType, ContentDisposition = contentDisposition },
        });

    /// <summary>The client's scheme: a URL is https unless told otherwise, even for an emulator's http endpoint.</summary>
    private static Protocol ProtocolOf(IAmazonS3 s3) =>
        s3.Config.ServiceURL is { } url && url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? Protocol.HTTP : Protocol.HTTPS;
}
