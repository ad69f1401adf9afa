using Amazon.Runtime;
using Amazon.S3;
using System.Data.Common;

namespace Platform.AWSSDK.S3;

/// <summary>
/// An S3 connection string: <c>Region=...;Bucket=...</c> on AWS (credentials come from the task role), plus
/// <c>Endpoint</c>, <c>AccessKey</c>, <c>SecretKey</c> and <c>Emulator=true</c> for a local emulator.
/// </summary>
public sealed record S3Connection(string? Endpoint, string Region, string? AccessKey, string? SecretKey, string? BucketName, bool IsEmulator)
{
    /// <summary>A client for this connection; emulator-only settings apply only when <see cref="IsEmulator"/>.</summary>
    public IAmazonS3 CreateClient()
    {
        var config = new AmazonS3Config { RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(Region) };
        if (Endpoint is not null)
        {
            config.ServiceURL = Endpoint;
            config.ForcePathStyle = true;
        }
        if (!IsEmulator)
        {
            return AccessKey is null
                ? new AmazonS3Client(config)
                : new AmazonS3Client(new BasicAWSCredentials(AccessKey, SecretKey), config);
        }
        // Emulator only: s3rver mishandles the checksums AWS now sends by default. AWS needs neither setting.
        config.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
        config.ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED;
        return new EmulatorS3Client(new BasicAWSCredentials(AccessKey, SecretKey), config);
    }

    /// <summary>Never prints the secret key.</summary>
    public override string ToString() => $"S3Connection {{ Endpoint = {Endpoint}, Region = {Region}, Bucket = {BucketName}, Emulator = {IsEmulator} }}";

    public static S3Connection Parse(string connectionString)
    {
        var parts = new DbConnectionStringBuilder { ConnectionString = connectionString };
        string? Get(string key) => parts.TryGetValue(key, out var value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;
        var connection = new S3Connection(
            Get("Endpoint"),
            Get("Region") ?? "us-east-1",
            Get("AccessKey"),
            Get("SecretKey"),
            Get("Bucket"),
            string.Equals(Get("Emulator"), "true", StringComparison.OrdinalIgnoreCase));
        if (connection.IsEmulator && connection.Endpoint is null)
        {
            throw new InvalidOperationException("An S3 emulator connection string needs an Endpoint=<url>.");
        }
        if ((connection.AccessKey is null) != (connection.SecretKey is null))
        {
            throw new InvalidOperationException("An S3 connection string needs both AccessKey and SecretKey, or neither (to use the default AWS credentials).");
        }
        return connection;
    }
}
