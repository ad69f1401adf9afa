using Amazon.S3;
using Microsoft.Extensions.Options;
using Platform.Api.Assets;
using Platform.Api.Authorization;
using Platform.Api.Uploads;
using Platform.AWSSDK.S3;
using Platform.Jobs.Queue;

namespace Platform.Api.Apis;

/// <summary>What the presigned upload endpoints use, bound with <c>[AsParameters]</c>.</summary>
public sealed class UploadServices(
    PendingUploads pending,
    AssetStore store,
    IAmazonS3 s3,
    S3Connection storage,
    JobStream queue,
    TimeProvider time,
    IOptions<AssetOptions> options,
    Caller caller)
{
    public PendingUploads Pending { get; } = pending;
    public AssetStore Store { get; } = store;
    public IAmazonS3 S3 { get; } = s3;
    public S3Connection Storage { get; } = storage;
    public JobStream Queue { get; } = queue;
    public TimeProvider Time { get; } = time;
    public IOptions<AssetOptions> Options { get; } = options;
    public Caller Caller { get; } = caller;
}
