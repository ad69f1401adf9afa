using System.Text.RegularExpressions;
using Platform.Manifest;
using Platform.Deployment.Aws.Tests.Infrastructure;

namespace Platform.Deployment.Aws.Tests.Synthesis;

/// <summary>
/// Every manifest Aspire publishes for its sample apps (the copies in TestData/Aspire), and the common app shapes of
/// TestData/Deployment, deploys whole: it synthesizes with settings for genuine choices only, every resource has its line
/// in the plan (also in plan.md beside the template), every workload its task, every resource matches its
/// CloudFormation schema, and cfn-guard finds nothing beyond the README's justified rules.
/// </summary>
[Collection(SynthesisCollection.Name)]
public sealed partial class ReferenceManifestTests(SynthesizedTemplates templates)
{
    [Theory]
    [InlineData("TestShop")]
    [InlineData("TestProject")]
    [InlineData("ParameterEndToEnd")]
    [InlineData("WithDockerfile")]
    [InlineData("eshop")]
    [InlineData("sql")]
    [InlineData("platform-aspire9")]
    [InlineData("aspire13")]
    public async Task The_manifest_deploys_whole(string name)
    {
        var template = templates[name];
        var manifest = AspireManifest.Load(SynthesizedTemplates.Inputs[name].Manifest);

        var planned = template.Result.Plan.Select(l => PlanName().Match(l).Groups["name"].Value).ToList();
        Assert.Equal(manifest.Resources.Select(r => r.Name), planned.Take(manifest.Resources.Count));
        var planFile = await File.ReadAllLinesAsync(Path.Combine(template.Result.CloudAssemblyDirectory, "plan.md"));
        Assert.Equal(template.Result.Plan, planFile.Where(l => l.StartsWith("- `", StringComparison.Ordinal)));
        foreach (var workload in manifest.Resources.OfType<ManifestWorkload>().Where(w => w is ManifestProject or ManifestContainer or ManifestDockerfile))
        {
            Assert.True(
                template.Resources.Any(r => r.Key.StartsWith(SynthesizedTemplate.Id(workload.Name) + "Task", StringComparison.Ordinal))
                || template.Resources.Any(r => r.Key.StartsWith(SynthesizedTemplate.Id(workload.Name), StringComparison.Ordinal) && r.Value!["Type"]!.GetValue<string>() is "AWS::RDS::DBInstance" or "AWS::ElastiCache::ReplicationGroup" or "AWS::AmazonMQ::Broker"),
                $"'{workload.Name}' became nothing");
        }

        var schema = await ServiceSpec.ValidateAsync(template.Result.TemplatePath);
        Assert.True(schema.Findings.Length == 0, string.Join("\n", schema.Findings));
        var unjustified = (await CfnGuard.FailuresAsync(template.Result.TemplatePath)).Keys.Except(await ValidationTests.JustifiedRulesAsync()).ToList();
        Assert.True(unjustified.Count == 0, "Fix these findings or justify them in Platform.Deployment.Aws/README.md: " + string.Join(", ", unjustified));
    }

    [Fact]
    public void Values_of_a_skipped_resource_are_left_out_and_said_so()
    {
        var template = templates.TestProject;

        Assert.DoesNotContain("ConnectionStrings__cosmos", template.Variables("integrationservicea").Secrets.Keys);
        Assert.Contains("ConnectionStrings__redis", template.Variables("integrationservicea").Secrets.Keys);
        Assert.Contains("variable ConnectionStrings__cosmos left out: it uses 'cosmos', which the settings skip", template.PlanLine("integrationservicea"));
        Assert.Contains("not deployed: in the settings' skip", template.PlanLine("cosmos"));
    }

    [Fact]
    public void The_address_of_a_server_given_as_a_connection_string_is_given_at_deployment_too()
    {
        var template = templates.ParameterEndToEnd;

        var (environment, secrets) = template.Variables("api");
        Assert.Equal("{\"Ref\":\"SqlTcpHost\"}", environment["DB_HOST"]);
        Assert.Equal("{\"Ref\":\"SqlTcpPort\"}", environment["DB_PORT"]);
        Assert.Contains("\"sql=tcp://\",{\"Ref\":\"SqlTcpHost\"},\":\",{\"Ref\":\"SqlTcpPort\"}", template.SecretString(secrets["ConnectionStrings__cs"]));
        Assert.Equal("SqlTcpHost", template.Result.StackParameters["sql.bindings.tcp.host"]);
        Assert.Equal("SqlParameter", template.Result.StackParameters["sql"]);
    }

    [Fact]
    public void A_parameter_Aspire_refers_to_by_its_uri_encoded_name_without_writing_it_is_taken_as_that()
    {
        var template = templates.TestProject;

        Assert.Contains("Aspire's URI-encoded form of 'rabbitmq-password'", template.PlanLine("rabbitmq-password-uri-encoded"));
        var connection = template.SecretString(template.Variables("integrationservicea").Secrets["ConnectionStrings__rabbitmq"]);
        Assert.Contains("\"amqps://admin:{{resolve:secretsmanager:\",{\"Ref\":\"RabbitmqPasswordSecret", connection);
    }

    [GeneratedRegex(@"^- `(?<name>[^`]+)` \(")]
    private static partial Regex PlanName();
}
