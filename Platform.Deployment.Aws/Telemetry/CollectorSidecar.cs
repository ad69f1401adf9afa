using Amazon.CDK;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Logs;
using Platform.Deployment.Aws.Fargate;
using Platform.Deployment.Aws.Logs;
using Platform.Deployment.Aws.Synthesis;

namespace Platform.Deployment.Aws.Telemetry;

/// <summary>
/// An OpenTelemetry collector (the AWS Distro's image, pinned by the settings) in every service's task, receiving
/// OTLP on the task's loopback and exporting traces to X-Ray and metrics to CloudWatch. The service gets
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> pointing at it, so ServiceDefaults exports exactly as it does to the local
/// dashboard, and a parent-based trace sampler at the settings' ratio. The collector is not essential: without it the
/// service runs on, without telemetry. Its memory comes out of the task's size. The task role gets what the two
/// exporters call, nothing else: X-Ray's two write actions, and writing log streams into one log group.
/// </summary>
internal sealed class CollectorSidecar(DeploymentContext context)
{
    public const string ContainerName = "otel-collector";
    public const string MetricNamespace = "Platform/Services";

    private LogGroup? _metrics;

    public void Attach(FargateWorkload owner, FargateTaskDefinition definition, ContainerDefinition service)
    {
        var resource = owner.Resource;
        var telemetry = context.Settings.Telemetry;
        _metrics ??= LogGroups.Create(context.Stack, "TelemetryMetricsLogs", context.Settings);
        var collector = definition.AddContainer(ContainerName, new ContainerDefinitionOptions
        {
            ContainerName = ContainerName,
            Image = ContainerImage.FromRegistry(telemetry.CollectorImage),
            Essential = false,
            MemoryLimitMiB = telemetry.CollectorMemoryMiB,
            // Not root (the image, built FROM scratch, names no user and needs none): the collector writes no file.
            User = "10001",
            ReadonlyRootFilesystem = true,
            Environment = new Dictionary<string, string> { ["AOT_CONFIG_CONTENT"] = Configuration(resource, _metrics.LogGroupName) },
            HealthCheck = new Amazon.CDK.AWS.ECS.HealthCheck
            {
                Command = ["CMD", "/healthcheck"],
                Interval = Duration.Seconds(10),
                Timeout = Duration.Seconds(5),
                Retries = 3,
                StartPeriod = Duration.Seconds(10),
            },
            Logging = LogDrivers.AwsLogs(new AwsLogDriverProps
            {
                StreamPrefix = ContainerName,
                LogGroup = LogGroups.Create(owner, LogicalIds.Of(resource) + "CollectorLogs", context.Settings),
            }),
        });
        service.AddContainerDependencies(new ContainerDependency { Container = collector, Condition = ContainerDependencyCondition.START });
        service.AddEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4317");
        service.AddEnvironment("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc");
        service.AddEnvironment("OTEL_TRACES_SAMPLER", "parentbased_traceidratio");
        service.AddEnvironment("OTEL_TRACES_SAMPLER_ARG", telemetry.SamplingRatio.ToString(System.Globalization.CultureInfo.InvariantCulture));

        definition.TaskRole.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            // X-Ray has no resource-level permissions for these.
            Actions = ["xray:PutTraceSegments", "xray:PutTelemetryRecords"],
            Resources = ["*"],
        }));
        _metrics.GrantWrite(definition.TaskRole);
    }

    private static string Configuration(string resource, string logGroupName)
    {
        using var stream = typeof(CollectorSidecar).Assembly.GetManifestResourceStream("Telemetry.collector.yaml")!;
        return new StreamReader(stream).ReadToEnd()
            .Replace("{{NAMESPACE}}", MetricNamespace, StringComparison.Ordinal)
            .Replace("{{LOG_GROUP}}", logGroupName, StringComparison.Ordinal)
            .Replace("{{SERVICE}}", resource, StringComparison.Ordinal);
    }
}
