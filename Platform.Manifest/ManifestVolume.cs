namespace Platform.Manifest;

public sealed record ManifestVolume(string? Name, string? Source, string Target, bool ReadOnly);
