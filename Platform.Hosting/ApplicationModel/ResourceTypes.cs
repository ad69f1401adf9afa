namespace Platform.Hosting.ApplicationModel;

public static class ResourceTypes
{
    /// <summary>The display name of a resource's kind: its class name without "Resource" (<c>Project</c>, <c>PostgresServer</c>).</summary>
    public static string Of(IResource resource)
    {
        var name = resource.GetType().Name;
        return name.EndsWith("Resource", StringComparison.Ordinal) ? name[..^"Resource".Length] : name;
    }
}
