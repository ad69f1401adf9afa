using Platform.Tests.Infrastructure;

namespace Platform.Tests.Deployment;

/// <summary>
/// Aspire's reference manifests and the app shapes of TestData/Deployment, each synthesized once with settings for
/// genuine choices only: a domain for HTTPS, and <c>skip</c> for what has no AWS counterpart (an Azure resource) or runs
/// only on a developer's machine (an executable, an entry the publisher could not write).
/// </summary>
public sealed class AspireApps : IDisposable
{
    public const string Https = """ "domain": "example.com", "hostedZoneId": "Z0123456789EXAMPLE" """;

    private readonly Lazy<SynthesizedTemplate>[] _all;

    public AspireApps()
    {
        _all =
        [
            Lazy(() => SynthesizedTemplate.WithSettings(Repository.AppManifest("eshop"), $"{{ {Https} }}")),
            Lazy(() => SynthesizedTemplate.WithSettings(Repository.AppManifest("sql"), $"{{ {Https} }}")),
            Lazy(() => SynthesizedTemplate.WithSettings(Repository.Aspire("manifest-examples", "playground-TestShop.AppHost.v13-main.aspire-manifest.json"), $"{{ {Https} }}")),
            Lazy(() => SynthesizedTemplate.WithSettings(Repository.Aspire("manifest-examples", "tests-testproject-TestProject.AppHost.aspire-manifest.json"), $$"""{ {{Https}}, "skip": ["cosmos", "nodeapp", "npmapp"] }""")),
            Lazy(() => SynthesizedTemplate.WithSettings(Repository.Aspire("manifest-examples", "playground-ParameterEndToEnd.AppHost.aspire-manifest.json"), $"{{ {Https} }}")),
            Lazy(() => SynthesizedTemplate.WithSettings(Repository.Aspire("manifest-examples", "playground-WithDockerfile.AppHost.aspire-manifest.json"), $$"""{ {{Https}}, "skip": ["docker-compose"] }""")),
        ];
    }

    internal SynthesizedTemplate EShop => _all[0].Value;
    internal SynthesizedTemplate Sql => _all[1].Value;
    internal SynthesizedTemplate TestShop => _all[2].Value;
    internal SynthesizedTemplate TestProject => _all[3].Value;
    internal SynthesizedTemplate ParameterEndToEnd => _all[4].Value;
    internal SynthesizedTemplate WithDockerfile => _all[5].Value;

    /// <summary>By the file name of the manifest, as the reference tests name them.</summary>
    internal SynthesizedTemplate Named(string name) => name switch
    {
        "eshop" => EShop,
        "sql" => Sql,
        "TestShop" => TestShop,
        "TestProject" => TestProject,
        "ParameterEndToEnd" => ParameterEndToEnd,
        "WithDockerfile" => WithDockerfile,
        _ => throw new ArgumentException(name),
    };

    public void Dispose()
    {
        foreach (var template in _all.Where(t => t.IsValueCreated))
        {
            template.Value.Delete();
        }
    }

    private static Lazy<SynthesizedTemplate> Lazy(Func<SynthesizedTemplate> synthesize) => new(synthesize, LazyThreadSafetyMode.ExecutionAndPublication);
}
