using Amazon.CDK.AWS.SecretsManager;

namespace Platform.Deployment.Aws.Values;

/// <summary>A value a task reads from Secrets Manager at start (an ECS secret), because it holds a parameter or a connection string.</summary>
internal sealed record SecretTaskValue(ISecret Secret) : TaskValue;
