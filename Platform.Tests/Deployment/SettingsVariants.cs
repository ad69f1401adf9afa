namespace Platform.Tests.Deployment;

/// <summary>
/// The repository's manifest synthesized with two other settings files, once for the tests that compare them with the
/// committed settings: <see cref="Release"/> changes what a later release may change (sizes, tags, thresholds, bake
/// time, the collector) and takes an existing certificate instead of a domain; <see cref="PlainHttp"/> serves plain
/// HTTP on purpose and rolls <c>web</c> out instead of blue/green.
/// </summary>
public sealed class SettingsVariants : IDisposable
{
    public const string CertificateArn = "arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666";

    internal SynthesizedTemplate Release { get; } = SynthesizedTemplate.WithSettings($$"""
        {
          "certificateArn": "{{CertificateArn}}",
          "testTrafficCidrs": ["203.0.113.0/24"],
          "tags": { "team": "payments", "release": "2026.12" },
          "alarmEmail": "oncall@example.org",
          "monthlyBudgetUsd": 2500,
          "defaults": { "cpu": 512, "memoryMiB": 2048, "minTasks": 3, "bakeTimeMinutes": 30 },
          "services": { "worker": { "queueBacklogPerTaskTarget": 10 } },
          "alarms": { "latencyP95Ms": 300, "latencyP99Ms": 800, "errorRatePercent": 0.5 },
          "telemetry": { "collectorImage": "public.ecr.aws/aws-observability/aws-otel-collector:v0.48.0", "collectorMemoryMiB": 256, "samplingRatio": 0.5 },
          "firewall": { "rateLimitPerIp": 500 }
        }
        """);

    internal SynthesizedTemplate PlainHttp { get; } = SynthesizedTemplate.WithSettings("""
        { "allowPlainHttp": true, "services": { "web": { "deploymentStrategy": "rolling" } } }
        """);

    public void Dispose()
    {
        Release.Delete();
        PlainHttp.Delete();
    }
}
