namespace Platform.Hosting.ApplicationModel;

/// <summary>A node of the application graph. Resources are plain data; behaviour attaches as annotations.</summary>
public interface IResource
{
    string Name { get; }

    ResourceAnnotationCollection Annotations { get; }
}

/// <summary>Marker for anything that can be attached to a resource.</summary>
public interface IResourceAnnotation;

public sealed class ResourceAnnotationCollection : List<IResourceAnnotation>;

public abstract class Resource(string name) : IResource
{
    public string Name { get; } = name;

    public ResourceAnnotationCollection Annotations { get; } = [];

    public override string ToString() => Name;
}

/// <summary>A resource that belongs to another one (a database to its server, a bucket to its storage).</summary>
public interface IResourceWithParent : IResource
{
    IResource Parent { get; }
}

/// <summary>A resource that accepts environment variables (projects and executables).</summary>
public interface IResourceWithEnvironment : IResource;

/// <summary>A resource that others can wait for.</summary>
public interface IResourceWithWaitSupport : IResource;

public static class ResourceExtensions
{
    public static IEnumerable<T> AnnotationsOf<T>(this IResource resource) where T : IResourceAnnotation =>
        resource.Annotations.OfType<T>();

    public static bool TryGetLastAnnotation<T>(this IResource resource, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? annotation)
        where T : class, IResourceAnnotation
    {
        annotation = resource.Annotations.OfType<T>().LastOrDefault();
        return annotation is not null;
    }
}
