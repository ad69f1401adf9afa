using Platform.Deployment.Aws.Efs;
using Platform.Deployment.Aws.Mappings;
using Platform.Deployment.Aws.Plan;
using Platform.Deployment.Aws.Synthesis;
using Platform.Manifest;

namespace Platform.Deployment.Aws.AmazonMq;

/// <summary>RabbitMQ containers as Amazon MQ for RabbitMQ brokers, reached over AMQPS by the manifest's user (<c>guest</c> becomes <c>admin</c>).</summary>
internal sealed class AmazonMqMapping : IResourceMapping
{
    public bool Takes(ManifestResource resource) => resource is ManifestContainer container && RabbitMq.Matches(container.Image);

    public PlannedResource Plan(ManifestResource resource, Planning planning)
    {
        var container = (ManifestContainer)resource;
        var changes = Volumes.Dropped(container, "Amazon MQ").ToList();
        var user = container.Env.GetValueOrDefault(RabbitMq.UserVariable, RabbitMq.DefaultUser);
        if (user == RabbitMq.DefaultUser)
        {
            planning.Rewrites.UserName(container.Name, user, RabbitMq.SubstituteUser);
            changes.Add($"user '{user}' is refused by Amazon MQ: '{RabbitMq.SubstituteUser}' instead, in the connection string and every value that names it");
            user = RabbitMq.SubstituteUser;
        }
        planning.Rewrites.Scheme(container.Name, RabbitMq.Scheme, RabbitMq.TlsScheme);
        changes.Add($"AMQP over TLS only: {RabbitMq.Scheme}:// becomes {RabbitMq.TlsScheme}://, port {RabbitMq.AmqpsPort}");
        return new MessageBroker(container, user, PasswordParameters.Required(planning.Manifest, planning.Resolver, container, "Amazon MQ needs its user's password"), changes);
    }

    public IReadOnlyList<MappedResource> Synthesize(DeploymentContext context, IReadOnlyList<MappedResource> madeBefore) =>
        [.. context.Plan.Of<MessageBroker>().Select(b => new AmazonMqBroker(context, b))];
}
