using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Publishing;

public static class ManifestPublishingExtensions
{
    public static IResourceBuilder<T> WithManifestPublishingCallback<T>(this IResourceBuilder<T> builder, Func<ManifestPublishingContext, Task> callback)
        where T : IResource
    {
        builder.Resource.Annotations.RemoveAll(a => a is ManifestPublishingCallbackAnnotation);
        return builder.WithAnnotation(new ManifestPublishingCallbackAnnotation(callback));
    }

    public static IResourceBuilder<T> WithManifestPublishingCallback<T>(this IResourceBuilder<T> builder, Action<ManifestPublishingContext> callback)
        where T : IResource =>
        builder.WithManifestPublishingCallback(context =>
        {
            callback(context);
            return Task.CompletedTask;
        });
}
