using System.Text.Json.Nodes;

namespace Platform.Deployment.Aws.Tests.Synthesis;

/// <summary>
/// Point 7: every resource of the synthesized templates against the CloudFormation resource schemas: no unknown type,
/// no unknown property at any depth, every required property present. This checks the blue/green property overrides,
/// which no typed API does.
/// </summary>
[Collection(SynthesisCollection.Name)]
public sealed class SchemaTests(SynthesizedTemplates templates)
{
    [Fact]
    public async Task Every_resource_of_every_synthesized_template_matches_its_CloudFormation_schema()
    {
        foreach (var template in new[] { templates.Platform, templates.Release, templates.PlainHttp })
        {
            var report = await ServiceSpec.ValidateAsync(template.Result.TemplatePath);

            Assert.True(report.Findings.Length == 0, string.Join("\n", report.Findings));
            Assert.NotEmpty(report.Taggable);
        }
    }

    [Fact]
    public async Task The_schema_check_reports_unknown_types_unknown_or_missing_properties_and_unknown_attributes()
    {
        var template = templates.Platform.Json;
        var service = template["Resources"]![templates.Platform.Single("AWS::ECS::Service", "ApiService").Id]!["Properties"]!;
        var advanced = service["LoadBalancers"]![0]!["AdvancedConfiguration"]!.AsObject();
        advanced.Remove("AlternateTargetGroupArn");
        advanced["TestListenerRuleArn"] = "misspelt";
        service["DeploymentConfiguration"]!["BakeTimeInMinutes"] = "ten";
        template["Resources"]!["Unknown"] = JsonNode.Parse("""{ "Type": "AWS::Nothing::Here", "Properties": {} }""");
        template["Resources"]!["BadAttribute"] = JsonNode.Parse("""{ "Type": "AWS::SNS::Topic", "Properties": { "DisplayName": { "Fn::GetAtt": ["Vpc8378EB38", "NoSuchAttribute"] } } }""");
        var path = Path.Combine(Path.GetDirectoryName(templates.Platform.Result.TemplatePath)!, "broken.template.json");
        await File.WriteAllTextAsync(path, template.ToJsonString());

        var findings = (await ServiceSpec.ValidateAsync(path)).Findings;

        Assert.Contains(findings, f => f.EndsWith("AdvancedConfiguration.AlternateTargetGroupArn: required, missing", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.EndsWith("AdvancedConfiguration.TestListenerRuleArn: unknown property", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.EndsWith("DeploymentConfiguration.BakeTimeInMinutes: expected a number", StringComparison.Ordinal));
        Assert.Contains("Unknown: unknown type AWS::Nothing::Here", findings);
        Assert.Contains(findings, f => f.EndsWith("AWS::EC2::VPC has no attribute 'NoSuchAttribute'", StringComparison.Ordinal));
        Assert.Equal(5, findings.Length);
    }
}
