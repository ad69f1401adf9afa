namespace Platform.Manifest;

/// <summary><c>parameter.v0</c>: an input of the deployment.</summary>
public sealed record ManifestParameter(string Name, string Value, IReadOnlyDictionary<string, ManifestParameterInput> Inputs)
    : ManifestResource(Name, ManifestTypes.Parameter)
{
    public string? ConnectionStringTemplate { get; init; }
    public override string? ConnectionString => ConnectionStringTemplate;
}
