using Aspire.Hosting.ApplicationModel;

namespace Platform.Hosting.S3;

/// <summary>
/// S3-compatible object storage: locally the s3rver emulator run by DCP with Node.js, on AWS the S3 service itself. Its
/// local connection string says <c>Emulator=true</c>, the only switch for emulator-only client settings; it is never published.
/// </summary>
public sealed class S3StorageResource(string name, string dataDirectory) : ExecutableResource(name, "node", dataDirectory), IResourceWithConnectionString
{
    public const string EndpointName = "http";

    /// <summary>The emulator's fixed, public development credentials (not secrets).</summary>
    public const string EmulatorAccessKey = "S3RVER";

    public const string DefaultRegion = "us-east-1";

    public string DataDirectory { get; } = dataDirectory;

    public EndpointReference PrimaryEndpoint => new(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Endpoint={PrimaryEndpoint.Property(EndpointProperty.Url)};Region={DefaultRegion};AccessKey={EmulatorAccessKey};SecretKey={EmulatorAccessKey};Emulator=true");
}
