namespace Platform.Hosting.ApplicationModel;

public sealed record WaitAnnotation(IResource Resource, WaitType WaitType) : IResourceAnnotation;
