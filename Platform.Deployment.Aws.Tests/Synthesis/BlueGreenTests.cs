using System.Text.Json.Nodes;

namespace Platform.Deployment.Aws.Tests.Synthesis;

/// <summary>Point 3: ECS blue/green releases for load-balanced services, rolled back by their alarms; rolling for the others.</summary>
[Collection(SynthesisCollection.Name)]
public sealed class BlueGreenTests(SynthesizedTemplates templates)
{
    private SynthesizedTemplate Template => templates.Platform;

    [Theory]
    [InlineData("api")]
    [InlineData("web")]
    public void A_load_balanced_service_releases_blue_green_and_rolls_back_on_its_alarms(string name)
    {
        var id = SynthesizedTemplate.Id(name);
        var (_, service) = Template.Single("AWS::ECS::Service", id + "Service");
        var deployment = service["DeploymentConfiguration"]!;
        Assert.Equal("BLUE_GREEN", deployment["Strategy"]!.GetValue<string>());
        Assert.Equal(10, deployment["BakeTimeInMinutes"]!.GetValue<int>());
        // As the CDK wrote it before blue/green: changing the controller would replace the service.
        Assert.Equal("ECS", service["DeploymentController"]!["Type"]!.GetValue<string>());
        Assert.True(deployment["DeploymentCircuitBreaker"]!["Rollback"]!.GetValue<bool>());

        var alarms = deployment["Alarms"]!;
        Assert.True(alarms["Enable"]!.GetValue<bool>());
        Assert.True(alarms["Rollback"]!.GetValue<bool>());
        var alarmNames = alarms["AlarmNames"]!.AsArray().Select(a => Template.Resources[a!["Ref"]!.GetValue<string>()]!["Properties"]!["AlarmName"]!.GetValue<string>()).Order();
        Assert.Equal(new[] { "error-rate", "latency-p95", "latency-p99", "unhealthy-blue", "unhealthy-green" }.Select(a => $"platform-{name}-{a}"), alarmNames);

        var loadBalancer = Assert.Single(service["LoadBalancers"]!.AsArray())!;
        var advanced = loadBalancer["AdvancedConfiguration"]!;
        var (primaryId, alternateId) = (loadBalancer["TargetGroupArn"]!["Ref"]!.GetValue<string>(), advanced["AlternateTargetGroupArn"]!["Ref"]!.GetValue<string>());
        Assert.NotEqual(primaryId, alternateId);
        var (primary, alternate) = (TargetGroup(primaryId), TargetGroup(alternateId));
        foreach (var property in new[] { "TargetType", "Port", "Protocol", "HealthCheckPath", "VpcId" })
        {
            Assert.Equal(primary[property]!.ToJsonString(), alternate[property]!.ToJsonString());
        }

        var production = Rule(advanced["ProductionListenerRule"]!);
        var test = Rule(advanced["TestListenerRule"]!);
        Assert.Equal(443, Listener(production).Properties["Port"]!.GetValue<int>());
        Assert.Equal(8443, Listener(test).Properties["Port"]!.GetValue<int>());
        foreach (var rule in new[] { production, test })
        {
            var action = Assert.Single(rule["Actions"]!.AsArray())!;
            Assert.Equal("forward", action["Type"]!.GetValue<string>());
            Assert.Equal([(primaryId, 100), (alternateId, 0)],
                action["ForwardConfig"]!["TargetGroups"]!.AsArray().Select(t => (t!["TargetGroupArn"]!["Ref"]!.GetValue<string>(), t["Weight"]!.GetValue<int>())));
            // ECS refuses listeners that mix forward with redirect, fixed-response or authenticate actions.
            var (listenerId, listener) = Listener(rule);
            Assert.All(listener["DefaultActions"]!.AsArray(), a => Assert.Equal("forward", a!["Type"]!.GetValue<string>()));
            Assert.All(Template.OfType("AWS::ElasticLoadBalancingV2::ListenerRule").Where(r => r.Properties["ListenerArn"]!["Ref"]!.GetValue<string>() == listenerId),
                r => Assert.All(r.Properties["Actions"]!.AsArray(), a => Assert.Equal("forward", a!["Type"]!.GetValue<string>())));
        }

        var role = Template.Resources[advanced["RoleArn"]!["Fn::GetAtt"]![0]!.GetValue<string>()]!["Properties"]!;
        Assert.Equal("ecs.amazonaws.com", role["AssumeRolePolicyDocument"]!["Statement"]![0]!["Principal"]!["Service"]!.GetValue<string>());
        Assert.Contains("policy/AmazonECSInfrastructureRolePolicyForLoadBalancers", Assert.Single(role["ManagedPolicyArns"]!.AsArray())!.ToJsonString());
    }

    [Fact]
    public void Test_traffic_reaches_the_test_listener_only_from_the_networks_the_settings_name()
    {
        Assert.DoesNotContain(Template.OfType("AWS::EC2::SecurityGroup").SelectMany(g => g.Properties["SecurityGroupIngress"] as JsonArray ?? []), i => i!["FromPort"]!.GetValue<int>() == 8443);

        var ingress = templates.Release.OfType("AWS::EC2::SecurityGroup").SelectMany(g => g.Properties["SecurityGroupIngress"] as JsonArray ?? []).Where(i => i!["FromPort"]!.GetValue<int>() == 8443).ToList();
        Assert.Equal(3, ingress.Count); // the test listener of api, web and identity
        Assert.All(ingress, i => Assert.Equal("203.0.113.0/24", i!["CidrIp"]!.GetValue<string>()));
        Assert.Equal(30, templates.Release.Single("AWS::ECS::Service", "ApiService").Properties["DeploymentConfiguration"]!["BakeTimeInMinutes"]!.GetValue<int>());
    }

    [Fact]
    public void Services_without_a_load_balancer_or_set_to_rolling_roll_out_with_the_circuit_breaker()
    {
        var (_, worker) = Template.Single("AWS::ECS::Service", "WorkerService");
        Assert.Null(worker["DeploymentConfiguration"]!["Strategy"]);
        Assert.True(worker["DeploymentConfiguration"]!["DeploymentCircuitBreaker"]!["Enable"]!.GetValue<bool>());
        Assert.True(worker["DeploymentConfiguration"]!["DeploymentCircuitBreaker"]!["Rollback"]!.GetValue<bool>());

        var (_, web) = templates.PlainHttp.Single("AWS::ECS::Service", "WebService");
        Assert.Null(web["DeploymentConfiguration"]!["Strategy"]);
        Assert.Null(web["LoadBalancers"]![0]!["AdvancedConfiguration"]);
        Assert.True(web["DeploymentConfiguration"]!["DeploymentCircuitBreaker"]!["Rollback"]!.GetValue<bool>());
        Assert.True(web["DeploymentConfiguration"]!["Alarms"]!["Rollback"]!.GetValue<bool>());
        Assert.DoesNotContain(templates.PlainHttp.OfType("AWS::ElasticLoadBalancingV2::TargetGroup"), t => t.Id.StartsWith("WebGreen", StringComparison.Ordinal));
        Assert.DoesNotContain(templates.PlainHttp.OfType("AWS::ElasticLoadBalancingV2::ListenerRule"), r => r.Id.StartsWith("Web", StringComparison.Ordinal));
    }

    [Fact]
    public void Listener_rules_are_the_same_whatever_a_release_changes()
    {
        // ECS rewrites these rules' weights; CloudFormation would reset them if a later stack update changed the rules.
        static Dictionary<string, string> Rules(SynthesizedTemplate template) =>
            template.OfType("AWS::ElasticLoadBalancingV2::ListenerRule").ToDictionary(r => r.Id, r => template.Resources[r.Id]!.ToJsonString());

        var committed = Rules(Template);
        Assert.Equal(6, committed.Count); // production and test rule of api, web and identity
        Assert.Equal(committed, Rules(templates.Release));
        // Nothing that changes per release (the image tag, the deployment id, a task definition) is in them.
        Assert.All(committed.Values, rule =>
        {
            Assert.DoesNotContain("ImageTag", rule);
            Assert.DoesNotContain("DeploymentId", rule);
            Assert.DoesNotContain("Task", rule);
            Assert.DoesNotContain("Tags", rule);
        });
    }

    private JsonObject TargetGroup(string id)
    {
        Assert.Equal("AWS::ElasticLoadBalancingV2::TargetGroup", Template.Resources[id]!["Type"]!.GetValue<string>());
        return Template.Resources[id]!["Properties"]!.AsObject();
    }

    private JsonObject Rule(JsonNode reference)
    {
        var resource = Template.Resources[reference["Ref"]!.GetValue<string>()]!;
        Assert.Equal("AWS::ElasticLoadBalancingV2::ListenerRule", resource["Type"]!.GetValue<string>());
        return resource["Properties"]!.AsObject();
    }

    private (string Id, JsonObject Properties) Listener(JsonObject rule)
    {
        var id = rule["ListenerArn"]!["Ref"]!.GetValue<string>();
        return (id, Template.Resources[id]!["Properties"]!.AsObject());
    }
}
