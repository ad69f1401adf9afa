namespace Platform.Manifest;

/// <summary><c>dockerfile.v0</c>.</summary>
public sealed record ManifestDockerfile(string Name, string Path, string Context) : ManifestWorkload(Name, ManifestTypes.Dockerfile);
