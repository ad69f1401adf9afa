using System.Buffers;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Platform.Api.Problems;
using Platform.AWSSDK.S3;

namespace Platform.Api.Assets;

/// <summary>
/// Streams a request's file into the bucket holding at most one part in memory: a small file is one PUT, a larger
/// one a multipart upload of <see cref="PartSize"/> parts. A failure or an oversize file aborts the upload, so no
/// partial object is left behind.
/// </summary>
public sealed class ObjectUploader(IAmazonS3 s3, S3Connection connection, ILogger<ObjectUploader> logger)
{
    /// <summary>Above S3's 5 MiB minimum part size.</summary>
    public const int PartSize = 8 * 1024 * 1024;

    /// <summary>Returns the bytes stored; 0 means the source was empty and nothing was written.</summary>
    public async Task<long> UploadAsync(string key, Stream source, string contentType, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(PartSize);
        try
        {
            var read = await FillAsync(source, buffer, cancellationToken);
            if (read == 0)
            {
                return 0;
            }
            if (read < PartSize)
            {
                ThrowIfOver(read, maxBytes);
                await s3.PutObjectAsync(new PutObjectRequest
                {
                    BucketName = connection.BucketName,
                    Key = key,
                    ContentType = contentType,
                    InputStream = new MemoryStream(buffer, 0, read, writable: false),
                    AutoCloseStream = false,
                }, cancellationToken);
                return read;
            }
            return await UploadPartsAsync(key, source, contentType, maxBytes, buffer, read, cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public async Task DeleteAsync(IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            await s3.DeleteObjectAsync(connection.BucketName, key);
        }
    }

    /// <summary>Deletes objects that a failed request leaves without a record. A failure here must not hide the
    /// request's own error: it is logged, and the worker's orphan sweep deletes the objects later.</summary>
    public async Task TryDeleteAsync(IEnumerable<string> keys)
    {
        try
        {
            await DeleteAsync(keys);
        }
        catch (Exception e) when (e is AmazonClientException or HttpRequestException or IOException)
        {
            logger.LogWarning(e, "Could not delete the objects of a failed upload; the orphan sweep will");
        }
    }

    private async Task<long> UploadPartsAsync(string key, Stream source, string contentType, long maxBytes, byte[] buffer, int read, CancellationToken cancellationToken)
    {
        var upload = await s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
        {
            BucketName = connection.BucketName,
            Key = key,
            ContentType = contentType,
        }, cancellationToken);
        try
        {
            var parts = new List<PartETag>();
            long total = 0;
            while (read > 0)
            {
                total += read;
                ThrowIfOver(total, maxBytes);
                var part = await s3.UploadPartAsync(new UploadPartRequest
                {
                    BucketName = connection.BucketName,
                    Key = key,
                    UploadId = upload.UploadId,
                    PartNumber = parts.Count + 1,
                    PartSize = read,
                    InputStream = new MemoryStream(buffer, 0, read, writable: false),
                }, cancellationToken);
                parts.Add(new PartETag(part.PartNumber ?? parts.Count + 1, part.ETag));
                read = await FillAsync(source, buffer, cancellationToken);
            }
            await s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = connection.BucketName,
                Key = key,
                UploadId = upload.UploadId,
                PartETags = parts,
            }, cancellationToken);
            return total;
        }
        catch
        {
            await AbortAsync(key, upload.UploadId);
            throw;
        }
    }

    /// <summary>An unfinished multipart upload is never visible as an object; aborting frees its parts. Where that fails
    /// (the local emulator does not implement it), the original error still goes to the client.</summary>
    private async Task AbortAsync(string key, string uploadId)
    {
        try
        {
            // Not the request's token: the abort must happen even when the client went away.
            await s3.AbortMultipartUploadAsync(connection.BucketName, key, uploadId, CancellationToken.None);
        }
        catch (AmazonS3Exception e)
        {
            logger.LogWarning(e, "Could not abort the multipart upload of {Key}", key);
        }
    }

    private static void ThrowIfOver(long total, long maxBytes)
    {
        if (total > maxBytes)
        {
            throw new PayloadTooLargeException(maxBytes);
        }
    }

    /// <summary>Reads until the buffer is full or the source ends.</summary>
    private static async Task<int> FillAsync(Stream source, byte[] buffer, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < PartSize)
        {
            var read = await source.ReadAsync(buffer.AsMemory(total, PartSize - total), cancellationToken);
            if (read == 0)
            {
                break;
            }
            total += read;
        }
        return total;
    }
}
