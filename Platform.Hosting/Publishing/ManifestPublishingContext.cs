using System.Text.Json;
using Platform.Hosting.ApplicationModel;
using Platform.Manifest;

namespace Platform.Hosting.Publishing;

/// <summary>
/// What a resource's manifest writer needs: the JSON writer positioned inside the resource's object, the
/// manifest's folder (paths in the manifest are relative to it), and helpers that write the shared parts in
/// Aspire's exact shape. Nothing here ever resolves a value: the manifest holds placeholders, never secrets.
/// </summary>
public sealed class ManifestPublishingContext(Utf8JsonWriter writer, string manifestPath, DistributedApplicationExecutionContext executionContext)
{
    private readonly List<(string Path, string Content)> _files = [];

    public Utf8JsonWriter Writer { get; } = writer;

    public string ManifestDirectory { get; } = Path.GetDirectoryName(Path.GetFullPath(manifestPath))!;

    public DistributedApplicationExecutionContext ExecutionContext { get; } = executionContext;

    /// <summary>Files written beside the manifest (such as CloudFormation templates), relative to its folder.</summary>
    internal IReadOnlyList<(string Path, string Content)> Files => _files;

    public string GetManifestRelativePath(string path) =>
        Path.GetRelativePath(ManifestDirectory, Path.GetFullPath(path)).Replace('\\', '/');

    /// <summary>Adds a file next to the manifest; <paramref name="relativePath"/> is how the manifest refers to it.</summary>
    public void AddFile(string relativePath, string content) => _files.Add((relativePath, content));

    public void WriteConnectionString(IResourceWithConnectionString resource) =>
        Writer.WriteString("connectionString", resource.ConnectionStringExpression.ValueExpression);

    public void WriteArgs(IEnumerable<string> args)
    {
        var list = args.ToList();
        if (list.Count == 0)
        {
            return;
        }
        Writer.WriteStartArray("args");
        list.ForEach(Writer.WriteStringValue);
        Writer.WriteEndArray();
    }

    public void WriteEnvironment(IReadOnlyDictionary<string, string> environment)
    {
        if (environment.Count == 0)
        {
            return;
        }
        Writer.WriteStartObject("env");
        foreach (var (name, value) in environment)
        {
            Writer.WriteString(name, value);
        }
        Writer.WriteEndObject();
    }

    /// <summary>The resource's environment, as placeholders.</summary>
    public void WriteEnvironment(IResource resource) => WriteEnvironment(EnvironmentEvaluation.Expressions(resource, ExecutionContext));

    /// <summary>
    /// Aspire's bindings: <c>targetPort</c> when the workload listens on a known port; none for a project's first
    /// HTTP endpoint, whose port the deployment chooses (and passes in <c>HTTP_PORTS</c>).
    /// </summary>
    public void WriteBindings(IResource resource) => WriteBindings(resource.AnnotationsOf<EndpointAnnotation>().ToList());

    public void WriteBindings(IReadOnlyList<EndpointAnnotation> endpoints)
    {
        if (endpoints.Count == 0)
        {
            return;
        }
        Writer.WriteStartObject("bindings");
        foreach (var endpoint in endpoints)
        {
            Writer.WriteStartObject(endpoint.Name);
            Writer.WriteString("scheme", endpoint.Scheme);
            Writer.WriteString("protocol", endpoint.Protocol);
            Writer.WriteString("transport", endpoint.Transport);
            if (endpoint.TargetPort is { } targetPort)
            {
                Writer.WriteNumber("targetPort", targetPort);
            }
            if (endpoint.IsExternal)
            {
                Writer.WriteBoolean("external", true);
            }
            Writer.WriteEndObject();
        }
        Writer.WriteEndObject();
    }

    /// <summary>A <c>container.v0</c> entry for a resource that a container deployment runs from <paramref name="image"/>.</summary>
    public void WriteContainer(IResource resource, string image, IReadOnlyDictionary<string, string> environment, string? entrypoint = null, IEnumerable<string>? args = null)
    {
        Writer.WriteString("type", ManifestTypes.Container);
        if (resource is IResourceWithConnectionString withConnectionString)
        {
            WriteConnectionString(withConnectionString);
        }
        Writer.WriteString("image", image);
        if (entrypoint is not null)
        {
            Writer.WriteString("entrypoint", entrypoint);
        }
        WriteArgs(args ?? []);
        WriteEnvironment(environment);
        WriteBindings(resource);
    }
}
