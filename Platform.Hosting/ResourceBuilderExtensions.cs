using Platform.Hosting.ApplicationModel;
using Platform.Hosting.Parameters;

namespace Platform.Hosting;

/// <summary>The wiring verbs shared by every resource kind: references, waits, environment, endpoints.</summary>
public static class ResourceBuilderExtensions
{
    /// <summary>Injects <c>ConnectionStrings__{name}</c> with the source's connection string.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder,
        IResourceBuilder<IResourceWithConnectionString> source, string? connectionName = null)
        where T : IResourceWithEnvironment
    {
        var name = connectionName ?? source.Resource.Name;
        return builder
            .WithAnnotation(new ResourceRelationshipAnnotation(source.Resource, "Reference"))
            .WithEnvironment(context => context.EnvironmentVariables[$"ConnectionStrings__{name}"] = source.Resource);
    }

    /// <summary>Injects <c>services__{name}__{endpoint}__0</c> for every endpoint of the source, for service discovery.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithServiceDiscovery> source)
        where T : IResourceWithEnvironment
    {
        builder.WithAnnotation(new ResourceRelationshipAnnotation(source.Resource, "Reference"));
        return builder.WithEnvironment(context =>
        {
            foreach (var endpoint in source.Resource.AnnotationsOf<EndpointAnnotation>())
            {
                context.EnvironmentVariables[$"services__{source.Resource.Name}__{endpoint.Name}__0"] =
                    new EndpointReference(source.Resource, endpoint.Name);
            }
        });
    }

    /// <summary>Starts this resource only once <paramref name="dependency"/> is healthy.</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency)
        where T : IResourceWithWaitSupport =>
        builder.WithAnnotation(new WaitAnnotation(dependency.Resource, WaitType.WaitUntilHealthy));

    /// <summary>Starts this resource only once <paramref name="dependency"/> has run to completion with exit code 0.
    /// The dependency becomes a run-once resource: it is never restarted.</summary>
    public static IResourceBuilder<T> WaitForCompletion<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency)
        where T : IResourceWithWaitSupport
    {
        if (!dependency.Resource.AnnotationsOf<RunOnceAnnotation>().Any())
        {
            dependency.WithAnnotation(new RunOnceAnnotation());
        }
        return builder.WithAnnotation(new WaitAnnotation(dependency.Resource, WaitType.WaitForCompletion));
    }

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, Action<EnvironmentCallbackContext> callback)
        where T : IResourceWithEnvironment =>
        builder.WithAnnotation(new EnvironmentCallbackAnnotation(callback));

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, string value)
        where T : IResourceWithEnvironment =>
        builder.WithEnvironment(context => context.EnvironmentVariables[name] = value);

    /// <summary>An environment variable whose value is known only when the graph runs or publishes.</summary>
    public static IResourceBuilder<T> WithEnvironment<T, TValue>(this IResourceBuilder<T> builder, string name, TValue value)
        where T : IResourceWithEnvironment
        where TValue : IValueProvider, IManifestExpressionProvider =>
        builder.WithEnvironment(context => context.EnvironmentVariables[name] = value);

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, IResourceBuilder<ParameterResource> parameter)
        where T : IResourceWithEnvironment =>
        builder.WithEnvironment(name, parameter.Resource);

    public static IResourceBuilder<T> WithArgs<T>(this IResourceBuilder<T> builder, params string[] args) where T : IResource =>
        builder.WithAnnotation(new CommandLineArgsAnnotation(args));

    /// <summary>An HTTP endpoint; <paramref name="env"/> names a variable that tells the process its port.</summary>
    public static IResourceBuilder<T> WithHttpEndpoint<T>(this IResourceBuilder<T> builder, int? port = null, int? targetPort = null, string name = "http", string? env = null)
        where T : IResourceWithEndpoints =>
        builder.WithEndpoint(new EndpointAnnotation(name, "http", "http", targetPort, port) { EnvironmentVariable = env });

    /// <summary>Checks health with an HTTP GET of <paramref name="path"/>: a 2xx answer is healthy.</summary>
    public static IResourceBuilder<T> WithHttpHealthCheck<T>(this IResourceBuilder<T> builder, string path = "/health", string endpointName = "http")
        where T : IResourceWithEndpoints
    {
        builder.Resource.Annotations.RemoveAll(a => a is HttpHealthCheckAnnotation);
        return builder.WithAnnotation(new HttpHealthCheckAnnotation(path, endpointName));
    }

    public static IResourceBuilder<T> WithEndpoint<T>(this IResourceBuilder<T> builder, EndpointAnnotation endpoint)
        where T : IResourceWithEndpoints
    {
        if (builder.Resource.AnnotationsOf<EndpointAnnotation>().Any(e => e.Name == endpoint.Name))
        {
            throw new DistributedApplicationException($"Resource '{builder.Resource.Name}' already has an endpoint named '{endpoint.Name}'.");
        }
        return builder.WithAnnotation(endpoint);
    }

    /// <summary>Makes the HTTP endpoints reachable from outside (a load balancer in the cloud).</summary>
    public static IResourceBuilder<T> WithExternalHttpEndpoints<T>(this IResourceBuilder<T> builder) where T : IResourceWithEndpoints
    {
        foreach (var endpoint in builder.Resource.AnnotationsOf<EndpointAnnotation>().Where(e => e.Scheme is "http" or "https"))
        {
            endpoint.IsExternal = true;
        }
        return builder;
    }

    public static EndpointReference GetEndpoint<T>(this IResourceBuilder<T> builder, string name) where T : IResourceWithEndpoints =>
        new(builder.Resource, name);
}
