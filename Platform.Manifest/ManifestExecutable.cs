namespace Platform.Manifest;

/// <summary><c>executable.v0</c>.</summary>
public sealed record ManifestExecutable(string Name, string Command, string WorkingDirectory) : ManifestWorkload(Name, ManifestTypes.Executable);
