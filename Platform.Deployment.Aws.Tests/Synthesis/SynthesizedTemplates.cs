using Platform.Deployment.Aws.Synthesis;
using Platform.Deployment.Aws.Tests.Infrastructure;

namespace Platform.Deployment.Aws.Tests.Synthesis;

/// <summary>
/// Every template the synthesis tests read, each synthesized once for the whole run, on first use: the repository's
/// manifest (its copy in TestData/Platform) with its committed settings and with settings that change what a release may
/// change, and Aspire's reference manifests and the app shapes of TestData/Apps with settings for genuine choices only (a
/// domain for HTTPS, and <c>skip</c> for what has no AWS counterpart or runs only on a developer's machine). The
/// snapshots (Snapshots/) are of exactly these.
/// </summary>
public sealed class SynthesizedTemplates : IDisposable
{
    public const string Https = """ "domain": "example.com", "hostedZoneId": "Z0123456789EXAMPLE" """;
    public const string CertificateArn = "arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666";
    public const string ServiceConnectAuthority = "arn:aws:acm-pca:eu-west-1:123456789012:certificate-authority/0a1b2c3d-1111-2222-3333-444455556666";
    public const string ExistingProvider = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Example";

    /// <summary>By name: the manifest, and the settings it is synthesized with.</summary>
    public static IReadOnlyDictionary<string, (string Manifest, string Settings)> Inputs { get; } = new Dictionary<string, (string, string)>
    {
        ["platform"] = (Repository.PlatformManifest, File.ReadAllText(Repository.PlatformSettings)),
        // What a later release may change (sizes, tags, thresholds, bake time, the collector), and an existing certificate instead of a domain.
        ["release"] = (Repository.PlatformManifest, $$"""
            {
              "certificateArn": "{{CertificateArn}}",
              "testTrafficCidrs": ["203.0.113.0/24"],
              "tags": { "team": "payments", "release": "2026.12" },
              "alarmEmail": "oncall@example.org",
              "accessLogDays": 30,
              "monthlyBudgetUsd": 2500,
              "defaults": { "cpu": 512, "memoryMiB": 2048, "minTasks": 3, "bakeTimeMinutes": 30 },
              "services": { "worker": { "queueBacklogPerTaskTarget": 10 } },
              "alarms": { "latencyP95Ms": 300, "latencyP99Ms": 800, "errorRatePercent": 0.5 },
              "telemetry": { "collectorImage": "public.ecr.aws/aws-observability/aws-otel-collector:v0.48.0", "collectorMemoryMiB": 256, "samplingRatio": 0.5 },
              "firewall": { "rateLimitPerIp": 500 }
            }
            """),
        // Plain HTTP on purpose, and web rolled out instead of blue/green.
        ["plain-http"] = (Repository.PlatformManifest, """{ "allowPlainHttp": true, "services": { "web": { "deploymentStrategy": "rolling" } } }"""),
        ["service-connect-tls"] = (Repository.PlatformManifest, $$"""{ "allowPlainHttp": true, "serviceConnectTlsAuthorityArn": "{{ServiceConnectAuthority}}" }"""),
        ["existing-identity-provider"] = (Repository.PlatformManifest, ExistingIdentityProvider(skip: """["identity-setup"]""")),
        ["platform-aspire9"] = (Repository.PlatformAspire9Manifest, File.ReadAllText(Repository.PlatformAspire9Settings)),
        ["aspire13"] = (Repository.Aspire13Manifest, $"{{ {Https} }}"),
        ["eshop"] = (Repository.AppManifest("eshop"), $"{{ {Https} }}"),
        ["sql"] = (Repository.AppManifest("sql"), $"{{ {Https} }}"),
        ["TestShop"] = (Repository.AspireExample("TestShop"), $"{{ {Https} }}"),
        ["TestProject"] = (Repository.AspireExample("TestProject"), $$"""{ {{Https}}, "skip": ["cosmos", "nodeapp", "npmapp"] }"""),
        ["ParameterEndToEnd"] = (Repository.AspireExample("ParameterEndToEnd"), $"{{ {Https} }}"),
        ["WithDockerfile"] = (Repository.AspireExample("WithDockerfile"), $$"""{ {{Https}}, "skip": ["docker-compose"] }"""),
    };

    private readonly Dictionary<string, Lazy<SynthesizedTemplate>> _templates = Inputs.ToDictionary(
        i => i.Key, i => new Lazy<SynthesizedTemplate>(() => SynthesizedTemplate.WithSettings(i.Value.Manifest, i.Value.Settings)));

    /// <summary>Settings that replace the repository's identity with <paramref name="address"/> and skip <paramref name="skip"/>.</summary>
    public static string ExistingIdentityProvider(string skip, string address = ExistingProvider) =>
        $$"""{ {{Https}}, "skip": {{skip}}, "externalServices": { "identity": "{{address}}" } }""";

    internal SynthesizedTemplate this[string name] => _templates[name].Value;

    internal SynthesizedTemplate Platform => this["platform"];
    internal SynthesizedTemplate Release => this["release"];
    internal SynthesizedTemplate PlainHttp => this["plain-http"];
    internal SynthesizedTemplate Aspire13 => this["aspire13"];
    internal SynthesizedTemplate EShop => this["eshop"];
    internal SynthesizedTemplate Sql => this["sql"];
    internal SynthesizedTemplate TestProject => this["TestProject"];
    internal SynthesizedTemplate ParameterEndToEnd => this["ParameterEndToEnd"];

    public void Dispose()
    {
        foreach (var template in _templates.Values.Where(t => t.IsValueCreated))
        {
            template.Value.Delete();
        }
        // The CDK's Node.js process and the 65 MB it extracted into the temporary folder: no other test starts it.
        JsiiRuntime.Stop();
    }
}
