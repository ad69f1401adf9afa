using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Platform.Hosting.Projects;

/// <summary>
/// What the manifest says of projects beyond Aspire's own entries. An external project publishes an <c>https</c>
/// binding beside its <c>http</c> one, as the launch profiles of Aspire's project templates give every project, so that a
/// deployment puts TLS in front of it (locally there is no certificate, and no such endpoint). A project that others wait
/// for to complete (<c>WaitForCompletion</c>) is a run-once step: <see cref="RunOnceManifest"/>.
/// </summary>
internal static class PublishedBindings
{
    public static void Apply(DistributedApplicationModel model)
    {
        foreach (var project in model.Resources.OfType<ProjectResource>())
        {
            var endpoints = project.Annotations.OfType<EndpointAnnotation>().ToList();
            if (endpoints.Any(e => e is { UriScheme: "http", IsExternal: true }) && endpoints.All(e => e.Name != PublicAddressExtensions.PublishedBindingName))
            {
                project.Annotations.Add(new EndpointAnnotation(System.Net.Sockets.ProtocolType.Tcp, uriScheme: "https",
                    name: PublicAddressExtensions.PublishedBindingName, isExternal: true));
            }
            if (RunOnceManifest.WaitersOf(model, project) is { Count: > 0 } waiters)
            {
                project.Annotations.Add(new ManifestPublishingCallbackAnnotation(context => RunOnceManifest.WriteAsync(context, project, waiters)));
            }
        }
    }
}
