using Aspire.Hosting.ApplicationModel;

namespace Platform.Hosting.S3;

/// <summary>A bucket; its connection string is the storage's plus <c>Bucket={name}</c>.</summary>
public sealed class S3BucketResource(string name, string bucketName, S3StorageResource storage)
    : Resource(name), IResourceWithParent<S3StorageResource>, IResourceWithConnectionString, IResourceWithWaitSupport
{
    public string BucketName { get; } = bucketName;

    public S3StorageResource Parent { get; } = storage;

    /// <summary>Days a replaced or deleted object's old version is kept in the cloud before S3 expires it (versioning
    /// keeps them forever otherwise); <see cref="Aspire.Hosting.StorageBuilderExtensions.WithNoncurrentVersionExpiration"/>.</summary>
    public int NoncurrentVersionDays { get; internal set; } = DefaultNoncurrentVersionDays;

    public const int DefaultNoncurrentVersionDays = 30;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Parent};Bucket={BucketName}");
}
