using System.Reflection;

namespace Platform.Deployment.Aws.Tests.Infrastructure;

/// <summary>Paths of the repository and of this assembly's committed files in it (the build records where it is).</summary>
internal static class Repository
{
    public static string Root { get; } = typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>A file or folder of this test project.</summary>
    public static string Tests(params string[] parts) => Path.Combine([Root, "Platform.Deployment.Aws.Tests", .. parts]);

    /// <summary>A file of the deployment assembly (its README, the CDK CLI's scripts).</summary>
    public static string Deployment(params string[] parts) => Path.Combine([Root, "Platform.Deployment.Aws", .. parts]);

    /// <summary>A copy of the repository's own manifest (Aspire 13.6.5's) as it was when the snapshots were taken, with its settings and storage template beside it.</summary>
    public static string PlatformManifest => Tests("TestData", "Platform", "aspire-manifest.json");

    public static string PlatformSettings => Tests("TestData", "Platform", "ecs-settings.json");

    /// <summary>The repository's manifest as its own publisher wrote it before Aspire 13.6.5, with its settings.</summary>
    public static string PlatformAspire9Manifest => Tests("TestData", "PlatformAspire9", "aspire-manifest.json");

    public static string PlatformAspire9Settings => Tests("TestData", "PlatformAspire9", "ecs-settings.json");

    /// <summary>A plain Aspire 13.6.5 AppHost's manifest (TestData/Aspire13).</summary>
    public static string Aspire13Manifest => Tests("TestData", "Aspire13", "postgres-redis-projects.aspire-manifest.json");

    /// <summary>A manifest published by Aspire for one of its sample apps (TestData/Aspire), by the app's name.</summary>
    public static string AspireExample(string app) => Directory.GetFiles(Tests("TestData", "Aspire"), $"*-{app}.AppHost*.json").Single();

    /// <summary>A manifest of a common Aspire app shape written for these tests (TestData/Apps).</summary>
    public static string AppManifest(string name) => Tests("TestData", "Apps", name + ".aspire-manifest.json");
}
