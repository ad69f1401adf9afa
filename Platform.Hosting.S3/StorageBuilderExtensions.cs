using System.Text.RegularExpressions;
using Platform.Hosting.ApplicationModel;
using Platform.Hosting.Orchestration;
using Platform.Hosting.Publishing;

namespace Platform.Hosting.S3;

public static partial class StorageBuilderExtensions
{
    /// <summary>Adds S3-compatible storage: the s3rver emulator locally (installed by the AppHost on first run).</summary>
    public static IResourceBuilder<S3StorageResource> AddS3Storage(this IDistributedApplicationBuilder builder, string name, int? port = null)
    {
        var storage = new S3StorageResource(name);
        return builder.AddResource(storage)
            .WithEndpoint(new EndpointAnnotation(S3StorageResource.EndpointName, "http", "http", port: port) { LocalHost = "127.0.0.1" })
            .WithAnnotation(new LocalRunnerAnnotation(new S3EmulatorRunner()))
            .WithManifestPublishingCallback(context => StorageManifest.WriteStorage(context, storage, builder.Resources));
    }

    /// <summary>Adds a bucket, created when the storage starts if it does not exist.</summary>
    public static IResourceBuilder<S3BucketResource> AddBucket(this IResourceBuilder<S3StorageResource> storage, string name, string? bucketName = null)
    {
        bucketName ??= name;
        if (!ValidBucketName().IsMatch(bucketName))
        {
            throw new DistributedApplicationException(
                $"'{bucketName}' is not a valid S3 bucket name: use 3-63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit.");
        }
        var bucket = new S3BucketResource(name, bucketName, storage.Resource);
        return storage.ApplicationBuilder.AddResource(bucket)
            .WithAnnotation(new LocalRunnerAnnotation(new S3BucketRunner()))
            .WithManifestPublishingCallback(context => StorageManifest.WriteBucket(context, bucket));
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex ValidBucketName();
}
