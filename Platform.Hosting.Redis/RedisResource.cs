using Aspire.Hosting.ApplicationModel;

namespace Platform.Hosting.Redis;

/// <summary>A Redis server with a password and an append-only file. Locally a native <c>redis-server</c> run by DCP; on
/// AWS, ElastiCache.</summary>
public sealed class RedisResource(string name, ParameterResource password, string dataDirectory)
    : ExecutableResource(name, "redis-server", dataDirectory), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";
    public const int DefaultPort = 6379;

    public ParameterResource Password { get; } = password;

    public string DataDirectory { get; } = dataDirectory;

    public EndpointReference PrimaryEndpoint => new(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"{PrimaryEndpoint.Property(EndpointProperty.Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)},password={Password}");
}
