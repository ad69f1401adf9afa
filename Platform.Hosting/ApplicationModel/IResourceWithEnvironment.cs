namespace Platform.Hosting.ApplicationModel;

/// <summary>A resource that accepts environment variables (projects and executables).</summary>
public interface IResourceWithEnvironment : IResource;
