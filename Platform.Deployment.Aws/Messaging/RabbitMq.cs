namespace Platform.Deployment.Aws.Messaging;

/// <summary>
/// RabbitMQ images, and what Amazon MQ for RabbitMQ changes for their clients: AMQP over TLS only (<c>amqps</c> on
/// 5671), the web console over HTTPS on 443, and no user named <c>guest</c>, which is Aspire's default.
/// </summary>
internal static class RabbitMq
{
    public const int AmqpsPort = 5671;
    public const int ConsolePort = 443;
    public const string UserVariable = "RABBITMQ_DEFAULT_USER";
    public const string DefaultUser = "guest";
    public const string SubstituteUser = "admin";

    /// <summary>Aspire's name for the binding of the management plugin's web console.</summary>
    public const string ManagementBinding = "management";

    public static bool Matches(string? image) => Plan.ImageNames.Repository(image) is "rabbitmq";
}
