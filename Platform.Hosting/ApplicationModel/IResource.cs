namespace Platform.Hosting.ApplicationModel;

/// <summary>A node of the application graph. Resources are plain data; behaviour attaches as annotations.</summary>
public interface IResource
{
    string Name { get; }

    ResourceAnnotationCollection Annotations { get; }
}
