using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Platform.Hosting.Mail;

/// <summary>The mail server's settings in a deployment, as parameters of the manifest: made once per catcher, whichever
/// services send mail.</summary>
internal sealed record PublishedMail(
    IResourceBuilder<ParameterResource> Smtp,
    IResourceBuilder<ParameterResource> Sender,
    IResourceBuilder<ParameterResource> UserName,
    IResourceBuilder<ParameterResource> Password) : IResourceAnnotation
{
    /// <summary>Amazon SES's SMTP interface in us-east-1, with STARTTLS; another region's is <c>email-smtp.&lt;region&gt;.amazonaws.com</c>.</summary>
    public const string DefaultSmtp = "smtp://email-smtp.us-east-1.amazonaws.com:587";

    public static PublishedMail Of(IResourceBuilder<MailCatcherResource> catcher)
    {
        if (catcher.Resource.Annotations.OfType<PublishedMail>().SingleOrDefault() is { } made)
        {
            return made;
        }
        var builder = catcher.ApplicationBuilder;
        var name = catcher.Resource.Name;
        var settings = new PublishedMail(
            builder.AddParameter($"{name}-smtp", DefaultSmtp, publishValueAsDefault: true),
            builder.AddParameter($"{name}-sender"),
            builder.AddParameter($"{name}-smtp-user", secret: true),
            builder.AddParameter($"{name}-smtp-password", secret: true));
        catcher.WithAnnotation(settings);
        return settings;
    }
}
