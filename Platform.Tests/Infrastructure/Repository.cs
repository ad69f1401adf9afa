namespace Platform.Tests.Infrastructure;

/// <summary>Paths of the repository and of the shared reference data beside it.</summary>
internal static class Repository
{
    public static string Root { get; } = Path.GetDirectoryName(Path.GetDirectoryName(new Projects.Platform_AppHost().ProjectPath))!;

    public static string ManifestPath => Path.Combine(Root, "aspire-manifest.json");

    public static string Reference(params string[] parts) => Path.Combine([Root, "..", "shared", "reference", .. parts]);
}
