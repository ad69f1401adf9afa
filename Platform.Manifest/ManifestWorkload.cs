namespace Platform.Manifest;

/// <summary>Something that runs: a project, a container, a Dockerfile build or an executable.</summary>
public abstract record ManifestWorkload(string Name, string Type) : ManifestResource(Name, Type)
{
    public IReadOnlyList<string> Args { get; init; } = [];
    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, ManifestBinding> Bindings { get; init; } = new Dictionary<string, ManifestBinding>();
}
