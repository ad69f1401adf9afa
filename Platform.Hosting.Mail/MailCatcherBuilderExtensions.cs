using System.Net.Sockets;
using Aspire.Hosting.ApplicationModel;
using Platform.Hosting.Mail;

namespace Aspire.Hosting;

public static class MailCatcherBuilderExtensions
{
    /// <summary>Adds a mail catcher (smtp4dev, installed by the AppHost on first run) whose inbox the dashboard links to.
    /// Local runs only: it is left out of the manifest.</summary>
    public static IResourceBuilder<MailCatcherResource> AddMailCatcher(this IDistributedApplicationBuilder builder, string name)
    {
        var processes = builder.AddNativeRuntime();
        var catcher = new MailCatcherResource(name, processes.Options.DataDirectoryOf(name));
        return builder.AddResource(catcher)
            .WithAnnotation(new EndpointAnnotation(ProtocolType.Tcp, uriScheme: "smtp", name: MailCatcherResource.SmtpEndpointName, isProxied: false) { TargetHost = "127.0.0.1" })
            .WithAnnotation(new EndpointAnnotation(ProtocolType.Tcp, uriScheme: "http", name: MailCatcherResource.InboxEndpointName, isProxied: false) { TargetHost = "127.0.0.1" })
            .WithUrlForEndpoint(MailCatcherResource.InboxEndpointName, url => url.DisplayText = "Inbox")
            .WithNativeProcess(Smtp4dev.Dotnet)
            .WithArgs(context =>
            {
                foreach (var arg in Smtp4dev.Arguments(catcher, processes))
                {
                    context.Args.Add(arg);
                }
            })
            // Whatever it might write goes to its own folder, not the account's home.
            .WithEnvironment("XDG_CONFIG_HOME", catcher.DataDirectory)
            .OnBeforeResourceStarted((resource, e, cancellationToken) => Smtp4dev.PrepareAsync(resource, e, cancellationToken))
            .WithReadinessCheck((_, cancellationToken) => Smtp4dev.CheckAsync(catcher, cancellationToken))
            .ExcludeFromManifest();
    }

    /// <summary>
    /// Where the service sends its mail (<c>Mail__…</c>). Locally the catcher (<c>ConnectionStrings__{name}</c>), once it
    /// is up. Published, Amazon SES's SMTP interface, whose settings are the deployment's parameters (a deployment turns
    /// them into stack parameters and secrets): <c>{name}-smtp</c> (default: us-east-1's endpoint), <c>{name}-sender</c>
    /// (a verified SES identity), <c>{name}-smtp-user</c> and <c>{name}-smtp-password</c> (the SES SMTP credentials).
    /// </summary>
    public static IResourceBuilder<T> WithAccountMail<T>(this IResourceBuilder<T> service, IResourceBuilder<MailCatcherResource> catcher)
        where T : IResourceWithEnvironment, IResourceWithWaitSupport
    {
        if (service.ApplicationBuilder.ExecutionContext.IsRunMode)
        {
            return service.WithReference(catcher).WaitFor(catcher);
        }
        var cloud = PublishedMail.Of(catcher);
        return service.WithEnvironment("Mail__Smtp", cloud.Smtp)
            .WithEnvironment("Mail__Sender", cloud.Sender)
            .WithEnvironment("Mail__UserName", cloud.UserName)
            .WithEnvironment("Mail__Password", cloud.Password);
    }
}
