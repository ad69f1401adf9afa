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

    /// <summary>Locally, the service sends its mail to the catcher (<c>ConnectionStrings__{name}</c>) once it is up. In the
    /// manifest nothing: a deployment gives the service its real mail server's settings instead (Platform.Hosting.Mail's README).</summary>
    public static IResourceBuilder<T> WithLocalMail<T>(this IResourceBuilder<T> service, IResourceBuilder<MailCatcherResource> catcher)
        where T : IResourceWithEnvironment, IResourceWithWaitSupport =>
        service.ApplicationBuilder.ExecutionContext.IsRunMode ? service.WithReference(catcher).WaitFor(catcher) : service;
}
