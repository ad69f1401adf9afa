namespace Platform.Hosting.ApplicationModel;

/// <summary>A resource others find by name through service discovery (<c>services__{name}__{endpoint}__0</c>).</summary>
public interface IResourceWithServiceDiscovery : IResourceWithEndpoints;
