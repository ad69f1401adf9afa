using Platform.Hosting.ApplicationModel;
using Platform.Hosting.Parameters;

namespace Platform.Hosting.PostgreSQL;

/// <summary>A PostgreSQL server. Locally a native <c>postgres</c>; in a container deployment the official image; on AWS, RDS.</summary>
public class PostgresServerResource(string name, ParameterResource password)
    : Resource(name), IResourceWithConnectionString, IResourceWithEndpoints, IResourceWithWaitSupport
{
    public const string UserName = "postgres";
    public const string EndpointName = "tcp";
    public const int DefaultPort = 5432;

    public ParameterResource Password { get; } = password;

    public EndpointReference PrimaryEndpoint => new(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={PrimaryEndpoint.Property(EndpointProperty.Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username={UserName};Password={Password}");
}
