namespace Platform.Manifest;

/// <summary><c>azure.bicep.v0</c> and <c>azure.bicep.v1</c>: values come from the deployment's outputs.</summary>
public sealed record ManifestBicep(string Name, string Type, string? Path) : ManifestResource(Name, Type)
{
    public string? ConnectionStringTemplate { get; init; }
    public override string? ConnectionString => ConnectionStringTemplate;
}
