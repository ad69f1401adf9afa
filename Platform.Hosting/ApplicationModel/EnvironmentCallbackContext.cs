namespace Platform.Hosting.ApplicationModel;

public sealed class EnvironmentCallbackContext(DistributedApplicationExecutionContext executionContext)
{
    public DistributedApplicationExecutionContext ExecutionContext { get; } = executionContext;

    public Dictionary<string, object> EnvironmentVariables { get; } = new(StringComparer.Ordinal);
}
