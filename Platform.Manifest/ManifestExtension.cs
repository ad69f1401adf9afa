namespace Platform.Manifest;

/// <summary>A type this reader does not know (an extension, or dapr): kept as written.</summary>
public sealed record ManifestExtension(string Name, string Type) : ManifestResource(Name, Type)
{
    public override string? ConnectionString => Json["connectionString"]?.GetValue<string>();
}
