using Platform.Hosting.ApplicationModel;
using Platform.Hosting.Orchestration;

namespace Platform.Hosting.Testing;

/// <summary>What a test asks of a running application: clients, connection strings, endpoints, states.</summary>
public static class DistributedApplicationTestingExtensions
{
    /// <summary>An HttpClient whose base address is the resource's endpoint (<c>http</c> unless named).</summary>
    public static HttpClient CreateHttpClient(this DistributedApplication app, string resourceName, string? endpointName = null) =>
        new() { BaseAddress = app.GetEndpoint(resourceName, endpointName) };

    public static Uri GetEndpoint(this DistributedApplication app, string resourceName, string? endpointName = null)
    {
        var resource = app.Model.Find(resourceName);
        var endpoints = resource.AnnotationsOf<EndpointAnnotation>().ToList();
        if (endpoints.Count == 0)
        {
            throw new ArgumentException($"Resource '{resource.Name}' has no endpoints.", nameof(resourceName));
        }
        var endpoint = endpointName is null
            ? endpoints.FirstOrDefault(e => e.Name == "http") ?? endpoints.FirstOrDefault(e => e.Name == "https") ?? endpoints[0]
            : endpoints.FirstOrDefault(e => e.Name == endpointName)
              ?? throw new ArgumentException(
                  $"Endpoint '{endpointName}' for resource '{resource.Name}' not found. Its endpoints: {string.Join(", ", endpoints.Select(e => e.Name))}.",
                  nameof(endpointName));
        return new Uri(endpoint.Allocated?.Url ?? throw NotStarted());
    }

    public static async ValueTask<string?> GetConnectionStringAsync(this DistributedApplication app, string resourceName, CancellationToken cancellationToken = default)
    {
        if (app.Model.Find(resourceName) is not IResourceWithConnectionString resource)
        {
            throw new ArgumentException($"Resource '{resourceName}' does not expose a connection string.", nameof(resourceName));
        }
        try
        {
            return await resource.ConnectionStringExpression.GetValueAsync(cancellationToken);
        }
        catch (InvalidOperationException)
        {
            throw NotStarted();
        }
    }

    public static Task<ResourceSnapshot> WaitForResourceHealthyAsync(this DistributedApplication app, string resourceName, CancellationToken cancellationToken = default) =>
        app.ResourceNotifications.WaitForResourceHealthyAsync(resourceName, cancellationToken);

    private static InvalidOperationException NotStarted() =>
        new("The application must be started before resolving endpoints or connection strings.");
}
