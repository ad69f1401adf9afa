namespace Platform.Deployment.Aws;

/// <summary>The deployment cannot be made: the message says what, naming the resource, expression or setting.</summary>
public sealed class DeploymentException(string message) : Exception(message);
