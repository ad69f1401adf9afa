namespace Platform.Hosting.ApplicationModel;

/// <summary>The resource runs once to completion (a migration step); it is never restarted.</summary>
public sealed class RunOnceAnnotation : IResourceAnnotation;
