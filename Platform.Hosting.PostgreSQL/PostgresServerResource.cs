using Aspire.Hosting.ApplicationModel;

namespace Platform.Hosting.PostgreSQL;

/// <summary>A PostgreSQL server. Locally a native <c>postgres</c> run by DCP; in a container deployment the official image;
/// on AWS, RDS.</summary>
public class PostgresServerResource(string name, ParameterResource password, string dataDirectory)
    : ExecutableResource(name, "postgres", dataDirectory), IResourceWithConnectionString
{
    public const string UserName = "postgres";
    public const string EndpointName = "tcp";
    public const int DefaultPort = 5432;

    public ParameterResource Password { get; } = password;

    public string DataDirectory { get; } = dataDirectory;

    public EndpointReference PrimaryEndpoint => new(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={PrimaryEndpoint.Property(EndpointProperty.Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username={UserName};Password={Password}");
}
