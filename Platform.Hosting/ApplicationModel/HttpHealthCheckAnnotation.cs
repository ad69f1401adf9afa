namespace Platform.Hosting.ApplicationModel;

/// <summary>Health is an HTTP GET of <see cref="Path"/> on the named endpoint; any 2xx answer is healthy.</summary>
public sealed record HttpHealthCheckAnnotation(string Path, string EndpointName) : IResourceAnnotation;
