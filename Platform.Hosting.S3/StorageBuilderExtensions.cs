using System.Net.Sockets;
using System.Text.RegularExpressions;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Platform.Hosting.Processes;
using Platform.Hosting.S3;

namespace Aspire.Hosting;

public static partial class StorageBuilderExtensions
{
    /// <summary>Adds S3-compatible storage: the s3rver emulator, run natively with Node.js and installed by the AppHost
    /// on first run. Published as a CloudFormation template that creates its buckets.</summary>
    public static IResourceBuilder<S3StorageResource> AddS3Storage(this IDistributedApplicationBuilder builder, string name)
    {
        var processes = builder.AddNativeRuntime();
        var storage = new S3StorageResource(name, processes.Options.DataDirectoryOf(name));
        return builder.AddResource(storage)
            .WithAnnotation(new EndpointAnnotation(ProtocolType.Tcp, uriScheme: "http", name: S3StorageResource.EndpointName, isProxied: false) { TargetHost = "127.0.0.1" })
            .WithNativeProcess(NativeTool.Node)
            .WithNativeTool(NativeTool.Npm)
            .WithArgs(context =>
            {
                foreach (var arg in S3Emulator.Arguments(storage, processes))
                {
                    context.Args.Add(arg);
                }
            })
            .OnBeforeResourceStarted((resource, e, cancellationToken) => S3Emulator.PrepareAsync(resource, e, cancellationToken))
            .WithReadinessCheck((_, cancellationToken) => S3Emulator.CheckAsync(storage, cancellationToken))
            .WithManifestPublishingCallback(context => StorageManifest.WriteStorageAsync(context, storage, builder.Resources));
    }

    /// <summary>Adds a bucket, created when the storage is ready if it does not exist.</summary>
    public static IResourceBuilder<S3BucketResource> AddBucket(this IResourceBuilder<S3StorageResource> storage, string name, string? bucketName = null)
    {
        bucketName ??= name;
        if (!ValidBucketName().IsMatch(bucketName))
        {
            throw new DistributedApplicationException(
                $"'{bucketName}' is not a valid S3 bucket name: use 3-63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit.");
        }
        var bucket = new S3BucketResource(name, bucketName, storage.Resource);
        storage.OnResourceReady((_, _, cancellationToken) => S3Buckets.CreateAsync(bucket, cancellationToken));
        return storage.ApplicationBuilder.AddResource(bucket)
            .WithReadinessCheck((_, cancellationToken) => S3Buckets.CheckAsync(bucket, cancellationToken))
            .WithManifestPublishingCallback(context => StorageManifest.WriteBucketAsync(context, bucket));
    }

    /// <summary>Lets pages of <paramref name="origin"/> (a project's public address) send the bucket's presigned requests
    /// from the browser: the bucket's CORS rules allow that origin alone. Locally, the emulator's rules.</summary>
    public static IResourceBuilder<S3BucketResource> WithBrowserAccess(this IResourceBuilder<S3BucketResource> bucket, EndpointReferenceExpression origin) =>
        bucket.WithAnnotation(new S3BrowserOriginAnnotation(origin));

    /// <summary>How long the bucket keeps an object's old versions in the cloud (default 30 days): a deleted asset is
    /// recoverable that long, then gone. The emulator keeps no versions.</summary>
    public static IResourceBuilder<S3BucketResource> WithNoncurrentVersionExpiration(this IResourceBuilder<S3BucketResource> bucket, int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        bucket.Resource.NoncurrentVersionDays = days;
        return bucket;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex ValidBucketName();
}
