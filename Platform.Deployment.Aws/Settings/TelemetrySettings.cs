namespace Platform.Deployment.Aws.Settings;

/// <summary>The OpenTelemetry collector beside every service, exporting traces to X-Ray and metrics to CloudWatch.</summary>
public sealed record TelemetrySettings
{
    /// <summary>The AWS Distro for OpenTelemetry collector, pinned by version.</summary>
    public string CollectorImage { get; init; } = "public.ecr.aws/aws-observability/aws-otel-collector:v0.49.0";

    /// <summary>The collector's hard memory limit, taken from the task's <c>memoryMiB</c> (the service gets the rest).</summary>
    public int CollectorMemoryMiB { get; init; } = 128;

    /// <summary>The share of traces kept (parent-based, so a trace is kept or dropped whole).</summary>
    public double SamplingRatio { get; init; } = 0.1;
}
