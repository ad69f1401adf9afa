namespace Platform.Manifest;

/// <summary>An entry the publisher could not write: <c>{"error": "..."}</c>.</summary>
public sealed record ManifestError(string Name, string Error) : ManifestResource(Name, "error");
