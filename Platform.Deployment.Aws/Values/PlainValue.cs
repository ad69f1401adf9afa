namespace Platform.Deployment.Aws.Values;

/// <summary>A value a task gets as a plain environment variable or argument.</summary>
internal sealed record PlainValue(string Value) : TaskValue;
