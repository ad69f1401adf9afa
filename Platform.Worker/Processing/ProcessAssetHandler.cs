using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using Platform.Jobs;
using Platform.AWSSDK.S3;
using Platform.Worker.Analysis;
using Platform.Worker.Jobs;
using Platform.Jobs.Lifecycle;

namespace Platform.Worker.Processing;

/// <summary>
/// Verifies an asset's object, then hashes and analyses it and writes its report next to it. The client wrote the object
/// itself (a presigned upload), so nothing about it is trusted before it is checked here: its size and type must be the
/// declared ones (else <see cref="RejectedObjectException"/>), and its SHA-256 is computed from the bytes read. Running it
/// twice writes the same report to the same key, so a repeated delivery changes nothing.
/// </summary>
public sealed class ProcessAssetHandler(IAmazonS3 s3, S3Connection storage, AssetScanner scanner) : IJobHandler
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string JobType => JobTypes.ProcessAsset;

    public async Task<JobOutcome> HandleAsync(StartedJob job, CancellationToken cancellationToken)
    {
        ScanResult scan;
        using (var content = await s3.GetObjectAsync(storage.BucketName, AssetKeys.ContentObject(job.AssetId), cancellationToken))
        {
            Verify(job, content.ContentLength, content.Headers.ContentType);
            scan = await scanner.ScanAsync(content.ResponseStream, job.FileName, cancellationToken);
        }
        // The bytes read, not only the length announced.
        Verify(job, scan.SizeBytes, job.DeclaredContentType);
        var reportKey = AssetKeys.ReportObject(job.AssetId);
        var report = new AssetReport(job.AssetId, job.FileName, scan.SizeBytes, scan.Sha256, scan.ContentType, job.DeclaredContentType, scan.Analysis);
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = storage.BucketName,
            Key = reportKey,
            ContentType = "application/json",
            ContentBody = JsonSerializer.Serialize(report, Json),
        }, cancellationToken);
        var result = JsonSerializer.Serialize(new { scan.Sha256, scan.SizeBytes, scan.ContentType, reportKey }, Json);
        return new JobOutcome(result, new AssetFacts(scan.ContentType, scan.Sha256, reportKey));
    }

    private static void Verify(StartedJob job, long size, string? contentType)
    {
        if (size != job.DeclaredSizeBytes)
        {
            throw new RejectedObjectException($"The stored object is {size} bytes, not the {job.DeclaredSizeBytes} bytes declared.");
        }
        if (!string.Equals(contentType, job.DeclaredContentType, StringComparison.OrdinalIgnoreCase))
        {
            throw new RejectedObjectException($"The stored object is of type '{contentType}', not the '{job.DeclaredContentType}' declared.");
        }
    }
}
