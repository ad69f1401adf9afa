namespace Platform.Hosting.ApplicationModel;

/// <summary>A resource that others can wait for.</summary>
public interface IResourceWithWaitSupport : IResource;
