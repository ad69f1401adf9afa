using Platform.Manifest;

namespace Platform.Deployment.Aws.Plan;

/// <summary>A RabbitMQ container deployed as an Amazon MQ broker, with its administrative user and that user's password parameter.</summary>
internal sealed record MessageBroker(ManifestContainer Container, string UserName, ManifestParameter Password);
