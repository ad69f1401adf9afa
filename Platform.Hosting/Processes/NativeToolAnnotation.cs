using Aspire.Hosting.ApplicationModel;

namespace Platform.Hosting.Processes;

/// <summary>A program a resource needs on this machine; all are looked for before anything starts.</summary>
public sealed record NativeToolAnnotation(NativeTool Tool) : IResourceAnnotation;
