using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Publishing;

/// <summary>Writes a resource's entry in the manifest: each integration brings its own, next to its run-mode behaviour.</summary>
public sealed class ManifestPublishingCallbackAnnotation(Func<ManifestPublishingContext, Task> callback) : IResourceAnnotation
{
    public Func<ManifestPublishingContext, Task> Callback { get; } = callback;
}
