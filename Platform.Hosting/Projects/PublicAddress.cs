using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Projects;

/// <summary>
/// The address people and other systems use for a project with external HTTP endpoints: what an identity provider
/// names as its issuer and where it sends a browser back after sign-in. In the manifest it is the project's
/// <c>https</c> binding, which Aspire gives every external project (TLS ends in front of it, at the load balancer),
/// so a deployment resolves it to the public HTTPS name. Locally nothing terminates TLS: it is the <c>http</c> endpoint.
/// </summary>
public sealed class PublicAddress : IValueProvider, IManifestExpressionProvider
{
    public const string BindingName = "https";

    private readonly EndpointReference _local;

    internal PublicAddress(ProjectResource project)
    {
        if (!project.AnnotationsOf<EndpointAnnotation>().Any(IsPublicHttp))
        {
            throw new DistributedApplicationException($"'{project.Name}' has no public address: call WithExternalHttpEndpoints() on it first.");
        }
        _local = new EndpointReference(project, project.AnnotationsOf<EndpointAnnotation>().First(IsPublicHttp).Name);
    }

    public string ValueExpression => $"{{{_local.Resource.Name}.bindings.{BindingName}.url}}";

    public ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default) => _local.GetValueAsync(cancellationToken);

    /// <summary>The project's bindings in the manifest: its endpoints, and the <c>https</c> one of an external project.</summary>
    internal static IReadOnlyList<EndpointAnnotation> PublishedEndpoints(ProjectResource project)
    {
        var endpoints = project.AnnotationsOf<EndpointAnnotation>().ToList();
        if (endpoints.Any(IsPublicHttp) && endpoints.All(e => e.Name != BindingName))
        {
            endpoints.Add(new EndpointAnnotation(BindingName, "https", "http") { IsExternal = true });
        }
        return endpoints;
    }

    private static bool IsPublicHttp(EndpointAnnotation endpoint) => endpoint is { Scheme: "http", IsExternal: true };
}
