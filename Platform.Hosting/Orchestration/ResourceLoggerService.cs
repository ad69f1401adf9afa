namespace Platform.Hosting.Orchestration;

/// <summary>Every resource's console output.</summary>
public sealed class ResourceLoggerService(Microsoft.Extensions.Options.IOptions<LocalRunOptions> options)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ResourceLog> _logs = new(StringComparer.OrdinalIgnoreCase);

    public ResourceLog GetLog(string resourceName) =>
        _logs.GetOrAdd(resourceName, _ => new ResourceLog(options.Value.LogLinesPerResource));
}
