namespace Platform.Hosting.ApplicationModel;

/// <summary>
/// A named endpoint of a resource. <see cref="TargetPort"/> is the port the service listens on inside its
/// container or task (publish mode); <see cref="Port"/> pins the local port, otherwise one is allocated per run.
/// </summary>
public sealed class EndpointAnnotation(string name, string scheme, string transport, int? targetPort = null, int? port = null)
    : IResourceAnnotation
{
    public string Name { get; } = name;
    public string Scheme { get; } = scheme;
    public string Protocol { get; } = "tcp";
    public string Transport { get; } = transport;
    public int? TargetPort { get; } = targetPort;
    public int? Port { get; } = port;
    public bool IsExternal { get; set; }

    /// <summary>An environment variable that tells the process its port (for executables, e.g. <c>PORT</c>).</summary>
    public string? EnvironmentVariable { get; init; }

    /// <summary>The host other resources use to reach this endpoint locally.</summary>
    public string LocalHost { get; init; } = "localhost";

    /// <summary>Set by the orchestrator before anything starts.</summary>
    public AllocatedEndpoint? Allocated { get; internal set; }
}
