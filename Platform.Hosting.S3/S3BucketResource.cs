using Aspire.Hosting.ApplicationModel;

namespace Platform.Hosting.S3;

/// <summary>A bucket; its connection string is the storage's plus <c>Bucket={name}</c>.</summary>
public sealed class S3BucketResource(string name, string bucketName, S3StorageResource storage)
    : Resource(name), IResourceWithParent<S3StorageResource>, IResourceWithConnectionString, IResourceWithWaitSupport
{
    public string BucketName { get; } = bucketName;

    public S3StorageResource Parent { get; } = storage;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Parent};Bucket={BucketName}");
}
