namespace Platform.Manifest;

/// <summary><c>container.v0</c> and <c>container.v1</c>.</summary>
public sealed record ManifestContainer(string Name, string Type, string? Image) : ManifestWorkload(Name, Type)
{
    public string? Entrypoint { get; init; }
    public string? Build { get; init; }
    public IReadOnlyList<ManifestVolume> Volumes { get; init; } = [];
    public string? ConnectionStringTemplate { get; init; }
    public override string? ConnectionString => ConnectionStringTemplate;
}
