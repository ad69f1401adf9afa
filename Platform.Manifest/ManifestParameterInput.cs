namespace Platform.Manifest;

/// <summary>An input; <see cref="Generate"/> says how to generate a value when none is given.</summary>
public sealed record ManifestParameterInput(string Type, bool Secret, ManifestGenerate? Generate, string? DefaultValue);
