using System.Text.Json.Nodes;

namespace Platform.Manifest;

/// <summary>One entry of an Aspire manifest. <see cref="Json"/> keeps the entry as written, for extensions.</summary>
public abstract record ManifestResource(string Name, string Type)
{
    public JsonObject Json { get; init; } = [];

    /// <summary>The connection string template, for resources that have one.</summary>
    public virtual string? ConnectionString => null;
}
