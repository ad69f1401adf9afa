namespace Platform.Hosting.ApplicationModel;

/// <summary>Contributes environment variables. Values are strings or <see cref="IValueProvider"/>s that are
/// also <see cref="IManifestExpressionProvider"/>s, resolved when the graph runs or publishes.</summary>
public sealed class EnvironmentCallbackAnnotation(Action<EnvironmentCallbackContext> callback) : IResourceAnnotation
{
    public Action<EnvironmentCallbackContext> Callback { get; } = callback;
}
