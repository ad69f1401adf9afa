namespace Platform.Manifest;

/// <summary><c>project.v0</c>, <c>project.v1</c>, and <c>platform.project.run-once.v0</c> (see README).</summary>
public sealed record ManifestProject(string Name, string Type, string Path) : ManifestWorkload(Name, Type)
{
    /// <summary>For a run-once project: the resources that start only after it has exited with code 0.</summary>
    public IReadOnlyList<string> CompletesBefore { get; init; } = [];

    public bool IsRunOnce => Type == ManifestTypes.RunOnceProject;
}
