namespace Platform.Deployment.Aws.Tests.Synthesis;

/// <summary>Point 5: an OpenTelemetry collector beside every service, exporting to X-Ray and CloudWatch, with the least IAM.</summary>
[Collection(SynthesisCollection.Name)]
public sealed class TelemetryTests(SynthesizedTemplates templates)
{
    private SynthesizedTemplate Template => templates.Platform;

    [Theory]
    [InlineData("api", 1024)]
    [InlineData("web", 512)]
    [InlineData("worker", 512)]
    public void Every_service_task_has_a_collector_that_its_service_exports_to(string name, int taskMemory)
    {
        var collector = Template.Container(name, "otel-collector");
        Assert.Equal("public.ecr.aws/aws-observability/aws-otel-collector:v0.49.0", collector["Image"]!.GetValue<string>());
        Assert.False(collector["Essential"]!.GetValue<bool>());
        Assert.Equal(128, collector["Memory"]!.GetValue<int>());
        var config = collector["Environment"]!.AsArray().Single(e => e!["Name"]!.GetValue<string>() == "AOT_CONFIG_CONTENT")!["Value"]!.ToJsonString();
        Assert.Contains("endpoint: 127.0.0.1:4317", config);
        Assert.Contains("exporters: [awsxray]", config);
        Assert.Contains("exporters: [awsemf]", config);
        Assert.Contains("TelemetryMetricsLogs", config);

        // The collector's memory is part of the task's size, not added to it.
        var (_, task) = Template.Single("AWS::ECS::TaskDefinition", SynthesizedTemplate.Id(name) + "Task");
        Assert.Equal(taskMemory.ToString(System.Globalization.CultureInfo.InvariantCulture), task["Memory"]!.GetValue<string>());
        var service = Template.Container(name);
        Assert.Equal(taskMemory - 128, service["Memory"]!.GetValue<int>());
        var environment = Template.Variables(name).Environment;
        Assert.Equal("http://127.0.0.1:4317", environment["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal("parentbased_traceidratio", environment["OTEL_TRACES_SAMPLER"]);
        Assert.Equal("0.1", environment["OTEL_TRACES_SAMPLER_ARG"]);
        var dependency = Assert.Single(service["DependsOn"]!.AsArray())!;
        Assert.Equal(("otel-collector", "START"), (dependency["ContainerName"]!.GetValue<string>(), dependency["Condition"]!.GetValue<string>()));

        Assert.Equal("0.5", templates.Release.Variables(name).Environment["OTEL_TRACES_SAMPLER_ARG"]);
        Assert.Equal(2048 - 256, templates.Release.Container(name)["Memory"]!.GetValue<int>());
        Assert.EndsWith(":v0.48.0", templates.Release.Container(name, "otel-collector")["Image"]!.GetValue<string>());
    }

    [Fact]
    public void The_run_once_migration_has_no_collector()
    {
        var (_, task) = Template.Single("AWS::ECS::TaskDefinition", "MigrationsTask");
        Assert.Single(task["ContainerDefinitions"]!.AsArray());
        Assert.DoesNotContain("OTEL_EXPORTER_OTLP_ENDPOINT", Template.Variables("migrations").Environment.Keys);
    }

    [Fact]
    public void A_task_role_gets_exactly_the_X_Ray_and_CloudWatch_Logs_writes_the_collector_makes()
    {
        // web uses nothing else of AWS, so its statements are the collector's alone.
        var statements = Template.Statements(Template.Single("AWS::IAM::Role", "WebTaskTaskRole").Id);

        Assert.Equal(2, statements.Count);
        var xray = Assert.Single(statements, s => SynthesizedTemplate.Values(s["Action"]).Any(a => a.StartsWith("xray:", StringComparison.Ordinal)));
        Assert.Equal(["xray:PutTelemetryRecords", "xray:PutTraceSegments"], SynthesizedTemplate.Values(xray["Action"]).Order());
        Assert.Equal(["*"], SynthesizedTemplate.Values(xray["Resource"]));
        var logs = Assert.Single(statements, s => s != xray);
        Assert.Equal(["logs:CreateLogStream", "logs:PutLogEvents"], SynthesizedTemplate.Values(logs["Action"]).Order());
        var group = Template.Single("AWS::Logs::LogGroup", "TelemetryMetricsLogs").Id;
        Assert.Equal($"{{\"Fn::GetAtt\":[\"{group}\",\"Arn\"]}}", Assert.Single(SynthesizedTemplate.Values(logs["Resource"])));
        Assert.All(statements, s => Assert.Equal("Allow", s["Effect"]!.GetValue<string>()));
        Assert.DoesNotContain(Template.OfType("AWS::IAM::Policy"), p => p.Properties.ToJsonString().Contains("cloudwatch:", StringComparison.Ordinal));
    }
}
