namespace Platform.Hosting.ApplicationModel;

/// <summary>Contributes environment variables. Values are strings or <see cref="IValueProvider"/>s that are
/// also <see cref="IManifestExpressionProvider"/>s, resolved when the graph runs or publishes.</summary>
public sealed class EnvironmentCallbackAnnotation(Action<EnvironmentCallbackContext> callback) : IResourceAnnotation
{
    public Action<EnvironmentCallbackContext> Callback { get; } = callback;
}

public sealed class EnvironmentCallbackContext(DistributedApplicationExecutionContext executionContext)
{
    public DistributedApplicationExecutionContext ExecutionContext { get; } = executionContext;

    public Dictionary<string, object> EnvironmentVariables { get; } = new(StringComparer.Ordinal);
}

public sealed class CommandLineArgsAnnotation(IReadOnlyList<string> args) : IResourceAnnotation
{
    public IReadOnlyList<string> Args { get; } = args;
}

public enum WaitType
{
    /// <summary>Wait until the resource is healthy.</summary>
    WaitUntilHealthy,

    /// <summary>Wait until the resource has run to completion with exit code 0.</summary>
    WaitForCompletion,
}

public sealed record WaitAnnotation(IResource Resource, WaitType WaitType) : IResourceAnnotation;

/// <summary>The resource runs once to completion (a migration step); it is never restarted.</summary>
public sealed class RunOnceAnnotation : IResourceAnnotation;

/// <summary>Records that a resource references another (for the graph picture and the stop order).</summary>
public sealed record ResourceRelationshipAnnotation(IResource Resource, string Type) : IResourceAnnotation;

public sealed record ReplicaAnnotation(int Replicas) : IResourceAnnotation;

/// <summary>Health is an HTTP GET of <see cref="Path"/> on the named endpoint; any 2xx answer is healthy.</summary>
public sealed record HttpHealthCheckAnnotation(string Path, string EndpointName) : IResourceAnnotation;
