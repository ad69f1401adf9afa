namespace Platform.Deployment.Aws.Values;

/// <summary>A value for a task: plain text (with CloudFormation references in it), or a secret the task reads at start.</summary>
internal abstract record TaskValue;
