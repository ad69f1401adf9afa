using System.Net;
using System.Text.Json;
using Amazon.S3;
using Platform.Jobs;
using Platform.AWSSDK.S3;
using Platform.Worker.Analysis;
using Platform.Worker.Jobs;
using Platform.Jobs.Lifecycle;

namespace Platform.Worker.Processing;

/// <summary>Re-reads an asset's stored bytes and compares their SHA-256 with the one processing recorded. A mismatch
/// is the job's result (the storage lost or changed the bytes), not a failure to retry; so are bytes that are gone,
/// which mark the asset <c>missing</c> (a record without its object: the analytics count it).</summary>
public sealed class VerifyAssetHandler(IAmazonS3 s3, S3Connection storage, AssetScanner scanner) : IJobHandler
{
    public string JobType => JobTypes.VerifyAsset;

    public async Task<JobOutcome> HandleAsync(StartedJob job, CancellationToken cancellationToken)
    {
        Amazon.S3.Model.GetObjectResponse content;
        try
        {
            content = await s3.GetObjectAsync(storage.BucketName, AssetKeys.ContentObject(job.AssetId), cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            var missing = new { expectedSha256 = job.RecordedSha256, actualSha256 = (string?)null, matches = false, missing = true };
            return new JobOutcome(JsonSerializer.Serialize(missing, JsonSerializerOptions.Web), Asset: null, ObjectFound: false);
        }
        using (content)
        {
            var scan = await scanner.ScanAsync(content.ResponseStream, job.FileName, cancellationToken);
            var result = new { expectedSha256 = job.RecordedSha256, actualSha256 = scan.Sha256, matches = scan.Sha256 == job.RecordedSha256, scan.SizeBytes, missing = false };
            return new JobOutcome(JsonSerializer.Serialize(result, JsonSerializerOptions.Web), Asset: null, ObjectFound: true);
        }
    }
}
