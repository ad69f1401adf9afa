using System.Text.Json;
using Platform.Deployment.Aws.CommandLine;
using Platform.Deployment.Aws.Synthesis;
using Platform.Deployment.Aws.Tests.Infrastructure;

namespace Platform.Deployment.Aws.Tests.Synthesis;

/// <summary>Point 6: least privilege and exposure: health checks, <c>/health</c>, S3 grants, secrets on command lines.</summary>
[Collection(SynthesisCollection.Name)]
public sealed class ExposureTests(SynthesizedTemplates templates)
{
    private SynthesizedTemplate Template => templates.Platform;

    [Fact]
    public void Load_balancers_check_alive_and_health_is_answered_404_from_the_internet()
    {
        var targetGroups = Template.OfType("AWS::ElasticLoadBalancingV2::TargetGroup").ToList();
        Assert.Equal(6, targetGroups.Count); // blue and green of api, web and identity
        Assert.All(targetGroups, t => Assert.Equal("/alive", t.Properties["HealthCheckPath"]!.GetValue<string>()));

        var rules = FirewallTests.Rules(Template);
        var health = FirewallTests.Rule(rules, "block-health-endpoint");
        Assert.Equal(rules.Min(r => r["Priority"]!.GetValue<int>()), health["Priority"]!.GetValue<int>());
        Assert.Equal(404, health["Action"]!["Block"]!["CustomResponse"]!["ResponseCode"]!.GetValue<int>());
        var match = health["Statement"]!["ByteMatchStatement"]!;
        Assert.Equal(("/health", "STARTS_WITH"), (match["SearchString"]!.GetValue<string>(), match["PositionalConstraint"]!.GetValue<string>()));
        Assert.NotNull(match["FieldToMatch"]!["UriPath"]);
        // Decoded, normalized and lower-cased first: /%68ealth, //health and /HEALTH are /health to ASP.NET Core too.
        Assert.Equal(["URL_DECODE", "NORMALIZE_PATH", "LOWERCASE"], match["TextTransformations"]!.AsArray().OrderBy(t => t!["Priority"]!.GetValue<int>()).Select(t => t!["Type"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("Api")]
    [InlineData("Worker")]
    public void S3_grants_are_the_object_actions_the_services_use_and_never_DeleteObjectVersion(string task)
    {
        var s3 = Template.Statements(Template.Single("AWS::IAM::Role", task + "TaskTaskRole").Id)
            .Where(s => SynthesizedTemplate.Values(s["Action"]).Any(a => a.StartsWith("s3:", StringComparison.Ordinal))).ToList();

        Assert.Equal(2, s3.Count);
        var objects = Assert.Single(s3, s => SynthesizedTemplate.Values(s["Action"]).Contains("s3:GetObject"));
        Assert.Equal(["s3:AbortMultipartUpload", "s3:DeleteObject", "s3:GetObject", "s3:PutObject"], SynthesizedTemplate.Values(objects["Action"]).Order());
        Assert.Equal("{\"Fn::Join\":[\"\",[{\"Fn::GetAtt\":[\"AssetsBucket\",\"Arn\"]},\"/*\"]]}", Assert.Single(SynthesizedTemplate.Values(objects["Resource"])));
        var list = Assert.Single(s3, s => s != objects);
        Assert.Equal(["s3:ListBucket"], SynthesizedTemplate.Values(list["Action"]));
        Assert.Equal("{\"Fn::GetAtt\":[\"AssetsBucket\",\"Arn\"]}", Assert.Single(SynthesizedTemplate.Values(list["Resource"])));
        Assert.DoesNotContain(Template.OfType("AWS::IAM::Policy"), p => p.Properties.ToJsonString().Contains("DeleteObjectVersion", StringComparison.Ordinal) || p.Properties.ToJsonString().Contains("\"s3:*\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deploy_passes_parameter_values_on_standard_input_never_on_a_command_line()
    {
        const string secret = "pg-Known-Secret-Value-4711";
        var result = new SynthesisResult("/out/cdk.out", "platform", "/out/cdk.out/platform.template.json", new Dictionary<string, string> { ["pg-password"] = "PgPasswordParameter" }, []);
        var options = DeploymentOptions.Parse(["deploy", "--manifest", "m.json", "--output-path", "out", "--image-tag", "1.0.0", "--parameter", $"pg-password={secret}"]);
        var stub = Directory.CreateTempSubdirectory("platform-cdk-stub-").FullName;
        try
        {
            var (arguments, input) = CdkCli.DeployCommand(result, options, _ => null, stub, new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
            Assert.DoesNotContain(arguments, a => a.Contains(secret, StringComparison.Ordinal) || a.Contains("1.0.0", StringComparison.Ordinal));
            Assert.EndsWith(Path.Combine("CdkCli", "deploy.js"), arguments[0]);

            // deploy.js hands the values to the CLI inside its own process: a stand-in CLI records what it was given.
            Directory.CreateDirectory(Path.Combine(stub, "lib"));
            await File.WriteAllTextAsync(Path.Combine(stub, "lib", "index.js"),
                "exports.cli = args => process.stdout.write(JSON.stringify({ args, argv: process.argv }));");
            var script = Repository.Deployment("CdkCli", "deploy.js");
            var (exitCode, output, error) = await NpmTool.RunAsync(stub, "node", [script, .. arguments.Skip(1)], input);

            Assert.True(exitCode == 0, error);
            using var seen = JsonDocument.Parse(output);
            var args = seen.RootElement.GetProperty("args").EnumerateArray().Select(a => a.GetString()!).ToList();
            Assert.Equal(["deploy", "platform", "--app", "/out/cdk.out", "--require-approval", "never"], args.Take(6));
            Assert.Contains($"PgPasswordParameter={secret}", args);
            Assert.Contains("ImageTag=1.0.0", args);
            Assert.Contains("DeploymentId=20261201T120000Z", args);
            Assert.DoesNotContain(seen.RootElement.GetProperty("argv").EnumerateArray(), a => a.GetString()!.Contains(secret, StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(stub, recursive: true);
        }
    }
}
