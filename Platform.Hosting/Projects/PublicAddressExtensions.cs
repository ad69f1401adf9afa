using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

public static class PublicAddressExtensions
{
    public const string PublishedBindingName = "https";

    /// <summary>
    /// The address people and other systems use for a project with external HTTP endpoints: what an identity provider
    /// names as its issuer, and where it sends a browser back after sign-in. Published, it is the project's <c>https</c>
    /// binding (TLS ends in front of it, at the load balancer, so a deployment resolves it to the public HTTPS name);
    /// locally nothing terminates TLS, and it is the <c>http</c> endpoint.
    /// </summary>
    public static EndpointReferenceExpression GetPublicAddress(this IResourceBuilder<ProjectResource> project)
    {
        var http = project.Resource.Annotations.OfType<EndpointAnnotation>().FirstOrDefault(e => e is { UriScheme: "http", IsExternal: true })
            ?? throw new DistributedApplicationException($"'{project.Resource.Name}' has no public address: give it an HTTP endpoint and call WithExternalHttpEndpoints() first.");
        if (project.ApplicationBuilder.ExecutionContext.IsRunMode)
        {
            return project.GetEndpoint(http.Name).Property(EndpointProperty.Url);
        }
        // Platform.Hosting.Projects.PublishedBindings gives every external project this binding when the manifest is written.
        return new EndpointReference(project.Resource, PublishedBindingName).Property(EndpointProperty.Url);
    }
}
