using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Platform.Identity.Mail;

/// <summary>Sends one plain-text message over SMTP (<see cref="MailOptions"/>): STARTTLS except to a catcher on
/// loopback, SES's configuration set in its header. A server that cannot be reached is <see cref="MailUnavailableException"/>.</summary>
public sealed class MailSender(IOptions<MailOptions> options, ILogger<MailSender> logger)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    public async Task SendAsync(string to, string subject, string text, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.SenderName, settings.Sender));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = text };
        if (settings.ConfigurationSet is { Length: > 0 } configurationSet)
        {
            message.Headers.Add("X-SES-CONFIGURATION-SET", configurationSet);
        }
        using var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        try
        {
            var smtp = settings.Smtp!;
            var security = smtp.Scheme == "smtps" ? SecureSocketOptions.SslOnConnect
                : settings.IsLoopback ? SecureSocketOptions.None : SecureSocketOptions.StartTls;
            await client.ConnectAsync(smtp.Host, smtp.Port, security, cancellationToken);
            if (settings.UserName is { } userName)
            {
                await client.AuthenticateAsync(userName, settings.Password!, cancellationToken);
            }
            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception e) when (IsUnavailable(e) && !cancellationToken.IsCancellationRequested)
        {
            throw new MailUnavailableException(e);
        }
        // The subject says which mail; the address stays out of the log.
        logger.LogInformation("Sent the mail '{Subject}'", subject);
    }

    private static bool IsUnavailable(Exception e) => e is SocketException or IOException or TimeoutException or OperationCanceledException
        or ServiceNotConnectedException or SmtpProtocolException or SslHandshakeException
        // 4xx replies are the server's "try later"; 5xx ones are about the message, a bug to see.
        or SmtpCommandException { StatusCode: >= (SmtpStatusCode)400 and < (SmtpStatusCode)500 };
}
