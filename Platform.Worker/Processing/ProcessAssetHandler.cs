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
/// Hashes and analyses an asset and writes its report next to it. Running it twice writes the same report
/// to the same key, so a repeated delivery changes nothing.
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
            scan = await scanner.ScanAsync(content.ResponseStream, job.FileName, cancellationToken);
        }
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
}
