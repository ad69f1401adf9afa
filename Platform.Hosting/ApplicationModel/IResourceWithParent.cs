namespace Platform.Hosting.ApplicationModel;

/// <summary>A resource that belongs to another one (a database to its server, a bucket to its storage).</summary>
public interface IResourceWithParent : IResource
{
    IResource Parent { get; }
}
