using Amazon.S3;
using Microsoft.Extensions.Options;
using Platform.Api.Assets;
using Platform.Api.Authorization;
using Platform.AWSSDK.S3;
using Platform.Jobs.Queue;

namespace Platform.Api.Apis;

/// <summary>What the asset endpoints use, bound with <c>[AsParameters]</c>.</summary>
public sealed class AssetServices(
    AssetStore store,
    AssetCache cache,
    ObjectUploader uploader,
    IAmazonS3 s3,
    S3Connection storage,
    JobStream queue,
    IOptions<AssetOptions> options,
    TimeProvider time,
    Caller caller)
{
    public AssetStore Store { get; } = store;
    public AssetCache Cache { get; } = cache;
    public ObjectUploader Uploader { get; } = uploader;
    public IAmazonS3 S3 { get; } = s3;
    public S3Connection Storage { get; } = storage;
    public JobStream Queue { get; } = queue;
    public IOptions<AssetOptions> Options { get; } = options;
    public TimeProvider Time { get; } = time;
    public Caller Caller { get; } = caller;
}
