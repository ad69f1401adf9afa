namespace Platform.Manifest;

/// <summary><c>value.v0</c>: a connection string built from other values.</summary>
public sealed record ManifestValue(string Name, string Template) : ManifestResource(Name, ManifestTypes.Value)
{
    public override string? ConnectionString => Template;
}
