namespace Platform.Tests.Infrastructure;

/// <summary>Paths of the repository and of the test data in it.</summary>
internal static class Repository
{
    // The AppHost's folder (Aspire's metadata for an AppHost names its folder, not its project file).
    public static string Root { get; } = Path.GetDirectoryName(Projects.Platform_AppHost.ProjectPath)!;

    public static string ManifestPath => Path.Combine(Root, "aspire-manifest.json");

    /// <summary>A file published by Aspire (its schema, manifests of its apps), copied into TestData/Aspire.</summary>
    public static string Aspire(params string[] parts) => Path.Combine([Root, "Platform.Tests", "TestData", "Aspire", .. parts]);
}
