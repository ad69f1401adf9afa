using Platform.Deployment.Aws.Plan;
using Platform.Manifest;

namespace Platform.Deployment.Aws.AmazonMq;

/// <summary>A RabbitMQ container deployed as an Amazon MQ broker, with its administrative user and that user's password parameter.</summary>
internal sealed record MessageBroker(ManifestContainer Container, string UserName, ManifestParameter Password, IReadOnlyList<string> Changes) : PlannedResource
{
    public override ManifestResource Resource => Container;

    public override bool Addressable => true;

    public override IEnumerable<ManifestParameter> Secrets => [Password];

    public override IEnumerable<string> Problems(DeploymentPlan plan) =>
        Container.Bindings.Where(b => b.Value.Transport != "tcp" && b.Key != RabbitMq.ManagementBinding)
            .Select(b => $"'{Name}' binding '{b.Key}' ({b.Value.Transport}) has no counterpart on Amazon MQ, which serves AMQP and its web console");

    public override PlanLine Describe(DeploymentPlan plan)
    {
        var mq = plan.Settings.RabbitMq;
        var management = Container.Bindings.ContainsKey(RabbitMq.ManagementBinding)
            ? [$"binding '{RabbitMq.ManagementBinding}' is the broker's web console, https on {RabbitMq.ConsolePort}"]
            : Array.Empty<string>();
        return new($"Amazon MQ for RabbitMQ {mq.EngineVersion}, {mq.DeploymentMode}, {mq.HostInstanceType}, isolated subnets; user '{UserName}' with the password '{Password.Name}'",
            "rabbitmq.*", [.. Changes, .. management]);
    }
}
