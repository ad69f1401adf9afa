namespace Platform.Hosting.ApplicationModel;

/// <summary>Marker for anything that can be attached to a resource.</summary>
public interface IResourceAnnotation;
