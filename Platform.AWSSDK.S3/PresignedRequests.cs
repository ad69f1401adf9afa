using Amazon;
using Amazon.S3;
using Amazon.S3.Model;

namespace Platform.AWSSDK.S3;

/// <summary>
/// Presigned requests that let a client move an object's bytes to and from the bucket itself. Always SigV4: the SDK
/// falls back to SigV2 in us-east-1 unless told otherwise, and SigV2 signs neither the Content-Length nor an expiry
/// of minutes in the way S3 checks it (<see cref="S3Connection.CreateClient"/> turns SigV4 on).
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
            Expires = expiresAt.UtcDateTime,
            ResponseHeaderOverrides = { ContentType = contentType, ContentDisposition = contentDisposition },
        });

    internal static void UseSignatureVersion4() => AWSConfigsS3.UseSignatureVersion4 = true;
}
