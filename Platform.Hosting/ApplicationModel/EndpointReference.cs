namespace Platform.Hosting.ApplicationModel;

/// <summary>Points at one endpoint of a resource; usable in expressions and references.</summary>
public sealed class EndpointReference(IResourceWithEndpoints resource, string endpointName)
    : IValueProvider, IManifestExpressionProvider
{
    public IResourceWithEndpoints Resource { get; } = resource;
    public string EndpointName { get; } = endpointName;

    public EndpointAnnotation Annotation =>
        Resource.AnnotationsOf<EndpointAnnotation>().SingleOrDefault(e => e.Name == EndpointName)
        ?? throw new InvalidOperationException($"Resource '{Resource.Name}' has no endpoint named '{EndpointName}'.");

    public bool Exists => Resource.AnnotationsOf<EndpointAnnotation>().Any(e => e.Name == EndpointName);

    public AllocatedEndpoint Allocated => Annotation.Allocated
        ?? throw new InvalidOperationException(
            $"Endpoint '{EndpointName}' of '{Resource.Name}' has no local address yet: it is allocated when the application starts.");

    public string Url => Allocated.Url;

    public EndpointReferenceExpression Property(EndpointProperty property) => new(this, property);

    public string ValueExpression => Property(EndpointProperty.Url).ValueExpression;

    public ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default) =>
        Property(EndpointProperty.Url).GetValueAsync(cancellationToken);
}
