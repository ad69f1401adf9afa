using System.Text.RegularExpressions;
using Platform.Hosting.ApplicationModel;
using Platform.Hosting.Orchestration;

namespace Platform.Hosting.Storage;

public static partial class StorageBuilderExtensions
{
    /// <summary>Adds S3-compatible storage: the s3rver emulator locally (installed by the AppHost on first run).</summary>
    public static IResourceBuilder<S3StorageResource> AddS3Storage(this IDistributedApplicationBuilder builder, string name, int? port = null) =>
        builder.AddResource(new S3StorageResource(name))
            .WithEndpoint(new EndpointAnnotation(S3StorageResource.EndpointName, "http", "http", port: port) { LocalHost = "127.0.0.1" })
            .WithAnnotation(new LocalRunnerAnnotation(new S3EmulatorRunner()));

    /// <summary>Adds a bucket, created when the storage starts if it does not exist.</summary>
    public static IResourceBuilder<S3BucketResource> AddBucket(this IResourceBuilder<S3StorageResource> storage, string name, string? bucketName = null)
    {
        bucketName ??= name;
        if (!ValidBucketName().IsMatch(bucketName))
        {
            throw new DistributedApplicationException(
                $"'{bucketName}' is not a valid S3 bucket name: use 3-63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit.");
        }
        return storage.ApplicationBuilder.AddResource(new S3BucketResource(name, bucketName, storage.Resource))
            .WithAnnotation(new LocalRunnerAnnotation(new S3BucketRunner()));
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex ValidBucketName();
}
