namespace Platform.Hosting;

/// <summary>The graph is invalid, or it could not start. The message names the resource and the fix.</summary>
public sealed class DistributedApplicationException(string message, Exception? inner = null) : Exception(message, inner);
