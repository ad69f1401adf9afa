namespace Platform.Hosting.ApplicationModel;

/// <summary>Records that a resource references another (for the graph picture and the stop order).</summary>
public sealed record ResourceRelationshipAnnotation(IResource Resource, string Type) : IResourceAnnotation;
