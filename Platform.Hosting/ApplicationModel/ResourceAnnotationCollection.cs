namespace Platform.Hosting.ApplicationModel;

public sealed class ResourceAnnotationCollection : List<IResourceAnnotation>;
