using Aspire.Hosting.ApplicationModel;

namespace Platform.Hosting.Processes;

/// <summary>Marks an executable as a native process: its command is <see cref="Program"/>, found when the run starts,
/// and it runs as the service account when the AppHost is root.</summary>
public sealed record NativeProcessAnnotation(NativeTool Program) : IResourceAnnotation;
