using Aspire.Hosting.ApplicationModel;

namespace Platform.Hosting.Mail;

/// <summary>
/// A mail catcher: an SMTP server that delivers nothing and keeps every message in an inbox shown on its web page (and
/// read by the tests through its API). Local runs only: it is not in the manifest, so no deployment takes it for a mail
/// server. Its connection string is <c>Endpoint=smtp://host:port</c>, as Aspire's MailPit and MailDev integrations have it.
/// </summary>
public sealed class MailCatcherResource(string name, string dataDirectory) : ExecutableResource(name, "dotnet", dataDirectory), IResourceWithConnectionString
{
    public const string SmtpEndpointName = "smtp";
    public const string InboxEndpointName = "http";

    public string DataDirectory { get; } = dataDirectory;

    public EndpointReference SmtpEndpoint => new(this, SmtpEndpointName);

    public EndpointReference InboxEndpoint => new(this, InboxEndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Endpoint=smtp://{SmtpEndpoint.Property(EndpointProperty.Host)}:{SmtpEndpoint.Property(EndpointProperty.Port)}");
}
