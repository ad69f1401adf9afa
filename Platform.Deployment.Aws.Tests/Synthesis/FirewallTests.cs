using System.Text.Json.Nodes;

namespace Platform.Deployment.Aws.Tests.Synthesis;

/// <summary>Point 2: one regional web ACL in front of every load balancer, with uploads scoped out of the body rules only.</summary>
[Collection(SynthesisCollection.Name)]
public sealed class FirewallTests(SynthesizedTemplates templates)
{
    private SynthesizedTemplate Template => templates.Platform;

    [Fact]
    public void One_regional_web_ACL_is_associated_with_every_load_balancer()
    {
        var (aclId, acl) = Assert.Single(Template.OfType("AWS::WAFv2::WebACL"));
        Assert.Equal("REGIONAL", acl["Scope"]!.GetValue<string>());
        Assert.NotNull(acl["DefaultAction"]!["Allow"]);
        AssertVisible(acl["VisibilityConfig"]!);

        var associations = Template.OfType("AWS::WAFv2::WebACLAssociation").Select(a => a.Properties).ToList();
        var balancers = Template.OfType("AWS::ElasticLoadBalancingV2::LoadBalancer").Select(b => b.Id).Order();
        Assert.Equal(balancers, associations.Select(a => a["ResourceArn"]!["Ref"]!.GetValue<string>()).Order());
        Assert.All(associations, a => Assert.Equal(aclId, a["WebACLArn"]!["Fn::GetAtt"]![0]!.GetValue<string>()));
    }

    [Fact]
    public void AWS_managed_rule_groups_and_a_rate_limit_per_IP_guard_every_request_with_metrics_and_samples()
    {
        var rules = Rules(Template);

        Assert.Equal(
            ["AWSManagedRulesAmazonIpReputationList", "AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesSQLiRuleSet"],
            rules.Select(r => r["Statement"]!["ManagedRuleGroupStatement"]?["Name"]?.GetValue<string>()).OfType<string>().Order());
        Assert.All(rules.Where(r => r["Statement"]!["ManagedRuleGroupStatement"] is not null), r =>
        {
            Assert.Equal("AWS", r["Statement"]!["ManagedRuleGroupStatement"]!["VendorName"]!.GetValue<string>());
            Assert.NotNull(r["OverrideAction"]!["None"]);
        });
        var rate = Rule(rules, "rate-limit-per-ip");
        Assert.NotNull(rate["Action"]!["Block"]);
        Assert.Equal(2000, rate["Statement"]!["RateBasedStatement"]!["Limit"]!.GetValue<int>());
        Assert.Equal("IP", rate["Statement"]!["RateBasedStatement"]!["AggregateKeyType"]!.GetValue<string>());
        Assert.Equal(300, rate["Statement"]!["RateBasedStatement"]!["EvaluationWindowSec"]!.GetValue<int>());
        Assert.All(rules, r => AssertVisible(r["VisibilityConfig"]!));
        Assert.Equal(rules.Count, rules.Select(r => r["Priority"]!.GetValue<int>()).Distinct().Count());

        Assert.Equal(500, Rule(Rules(templates.Release), "rate-limit-per-ip")["Statement"]!["RateBasedStatement"]!["Limit"]!.GetValue<int>());
    }

    [Fact]
    public void Large_bodies_are_blocked_except_a_POST_to_an_upload_route_without_turning_the_common_rule_set_off()
    {
        var rules = Rules(Template);
        var common = Rule(rules, "aws-common");
        // The rule set stays on; only its body rules count, and the body-size rule is one of them.
        var counted = common["Statement"]!["ManagedRuleGroupStatement"]!["RuleActionOverrides"]!.AsArray();
        Assert.Contains(counted, o => o!["Name"]!.GetValue<string>() == "SizeRestrictions_BODY" && o["ActionToUse"]!["Count"] is not null);
        Assert.DoesNotContain(counted, o => o!["ActionToUse"]!["Allow"] is not null);

        var reblock = Rule(rules, "block-body-rules-outside-uploads");
        Assert.NotNull(reblock["Action"]!["Block"]);
        // Labels are seen only by rules evaluated later.
        Assert.True(reblock["Priority"]!.GetValue<int>() > rules.Where(r => r["Statement"]!["ManagedRuleGroupStatement"] is not null).Max(r => r["Priority"]!.GetValue<int>()));
        var (labels, notUpload) = (reblock["Statement"]!["AndStatement"]!["Statements"]![0]!, reblock["Statement"]!["AndStatement"]!["Statements"]![1]!);
        Assert.Contains(labels["OrStatement"]!["Statements"]!.AsArray(), s => s!["LabelMatchStatement"]!["Key"]!.GetValue<string>() == "awswaf:managed:aws:core-rule-set:SizeRestrictions_Body");
        var upload = notUpload["NotStatement"]!["Statement"]!["AndStatement"]!["Statements"]!.AsArray();
        Assert.Equal("POST", upload[0]!["ByteMatchStatement"]!["SearchString"]!.GetValue<string>());
        Assert.Equal(["/api/assets", "/uploads"], upload[1]!["OrStatement"]!["Statements"]!.AsArray().Select(s => s!["ByteMatchStatement"]!["SearchString"]!.GetValue<string>()));
    }

    internal static List<JsonObject> Rules(SynthesizedTemplate template) =>
        [.. Assert.Single(template.OfType("AWS::WAFv2::WebACL")).Properties["Rules"]!.AsArray().Select(r => r!.AsObject())];

    internal static JsonObject Rule(List<JsonObject> rules, string name) => Assert.Single(rules, r => r["Name"]!.GetValue<string>() == name);

    private static void AssertVisible(JsonNode visibility)
    {
        Assert.True(visibility["CloudWatchMetricsEnabled"]!.GetValue<bool>());
        Assert.True(visibility["SampledRequestsEnabled"]!.GetValue<bool>());
    }
}
