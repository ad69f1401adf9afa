namespace Platform.Hosting.ApplicationModel;

/// <summary>A resource that listens on network endpoints.</summary>
public interface IResourceWithEndpoints : IResource;

/// <summary>
/// A named endpoint of a resource. <see cref="TargetPort"/> is the port the service listens on inside its
/// container or task (publish mode); <see cref="Port"/> pins the local port, otherwise one is allocated per run.
/// </summary>
public sealed class EndpointAnnotation(string name, string scheme, string transport, int? targetPort = null, int? port = null)
    : IResourceAnnotation
{
    public string Name { get; } = name;
    public string Scheme { get; } = scheme;
    public string Protocol { get; } = "tcp";
    public string Transport { get; } = transport;
    public int? TargetPort { get; } = targetPort;
    public int? Port { get; } = port;
    public bool IsExternal { get; set; }

    /// <summary>An environment variable that tells the process its port (for executables, e.g. <c>PORT</c>).</summary>
    public string? EnvironmentVariable { get; init; }

    /// <summary>The host other resources use to reach this endpoint locally.</summary>
    public string LocalHost { get; init; } = "localhost";

    /// <summary>Set by the orchestrator before anything starts.</summary>
    public AllocatedEndpoint? Allocated { get; internal set; }
}

public sealed record AllocatedEndpoint(string Scheme, string Host, int Port)
{
    public string Url => $"{Scheme}://{Host}:{Port}";
}

public enum EndpointProperty
{
    Url,
    Host,
    Port,
    TargetPort,
    Scheme,
}

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

public sealed class EndpointReferenceExpression(EndpointReference endpoint, EndpointProperty property)
    : IValueProvider, IManifestExpressionProvider
{
    public EndpointReference Endpoint { get; } = endpoint;
    public EndpointProperty Property { get; } = property;

    public string ValueExpression => $"{{{Endpoint.Resource.Name}.bindings.{Endpoint.EndpointName}.{Property switch
    {
        EndpointProperty.Url => "url",
        EndpointProperty.Host => "host",
        EndpointProperty.Port => "port",
        EndpointProperty.TargetPort => "targetPort",
        EndpointProperty.Scheme => "scheme",
        _ => throw new ArgumentOutOfRangeException(nameof(Property)),
    }}}}";

    public ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default)
    {
        var allocated = Endpoint.Allocated;
        return ValueTask.FromResult<string?>(Property switch
        {
            EndpointProperty.Url => allocated.Url,
            EndpointProperty.Host => allocated.Host,
            EndpointProperty.Port => allocated.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            EndpointProperty.TargetPort => allocated.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            EndpointProperty.Scheme => allocated.Scheme,
            _ => throw new ArgumentOutOfRangeException(nameof(Property)),
        });
    }
}

/// <summary>A resource others find by name through service discovery (<c>services__{name}__{endpoint}__0</c>).</summary>
public interface IResourceWithServiceDiscovery : IResourceWithEndpoints;
