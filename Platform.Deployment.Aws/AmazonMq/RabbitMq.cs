using Platform.Deployment.Aws.Plan;

namespace Platform.Deployment.Aws.AmazonMq;

/// <summary>
/// RabbitMQ images, and what Amazon MQ for RabbitMQ changes for their clients: AMQP over TLS only (<c>amqps</c> on
/// 5671), the web console over HTTPS on 443, and no user named <c>guest</c>, which is Aspire's default.
/// </summary>
internal static class RabbitMq
{
    public const string Scheme = "amqp";
    public const string TlsScheme = "amqps";
    public const int AmqpsPort = 5671;
    public const int ConsolePort = 443;
    public const string UserVariable = "RABBITMQ_DEFAULT_USER";
    public const string DefaultUser = "guest";
    public const string SubstituteUser = "admin";

    /// <summary>Aspire's name for the binding of the management plugin's web console.</summary>
    public const string ManagementBinding = "management";

    public static bool Matches(string? image) => ImageNames.Repository(image) is "rabbitmq";
}
