using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.S3;

/// <summary>A bucket; its connection string is the storage's plus <c>Bucket={name}</c>.</summary>
public sealed class S3BucketResource(string name, string bucketName, S3StorageResource storage)
    : Resource(name), IResourceWithParent, IResourceWithConnectionString, IResourceWithWaitSupport
{
    public string BucketName { get; } = bucketName;

    public S3StorageResource Storage { get; } = storage;

    public IResource Parent => Storage;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Storage};Bucket={BucketName}");
}
