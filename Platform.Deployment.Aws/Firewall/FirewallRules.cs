using Amazon.CDK.AWS.WAFv2;
using Platform.Deployment.Aws.Settings;
using Rule = Amazon.CDK.AWS.WAFv2.CfnWebACL.RuleProperty;

namespace Platform.Deployment.Aws.Firewall;

/// <summary>
/// The web ACL's rules, in the order AWS WAF evaluates them. Behind a load balancer WAF sees only the first 8 KB of a
/// body, and the common rule set blocks any larger body (<c>SizeRestrictions_BODY</c>); uploads are larger. So that rule,
/// and the body rules that would misread a file's first 8 KB as an attack, count instead of blocking, and a later rule
/// blocks by their labels everything except a POST to an upload route (<c>firewall.uploadPaths</c>): AWS's documented
/// way to scope a managed rule, which keeps the rest of the rule sets on for every request. An upload's bytes are stored
/// as they are and served as an attachment, never interpreted.
/// </summary>
internal static class FirewallRules
{
    public const string CommonRuleSet = "AWSManagedRulesCommonRuleSet";
    public const string SqlInjectionRuleSet = "AWSManagedRulesSQLiRuleSet";

    /// <summary>Body rules that count (managed group, rule name), each with the label it adds.</summary>
    public static readonly (string Group, string Rule, string Label)[] CountedBodyRules =
    [
        (CommonRuleSet, "SizeRestrictions_BODY", "awswaf:managed:aws:core-rule-set:SizeRestrictions_Body"),
        (CommonRuleSet, "CrossSiteScripting_BODY", "awswaf:managed:aws:core-rule-set:CrossSiteScripting_Body"),
        (CommonRuleSet, "GenericLFI_BODY", "awswaf:managed:aws:core-rule-set:GenericLFI_Body"),
        (CommonRuleSet, "GenericRFI_BODY", "awswaf:managed:aws:core-rule-set:GenericRFI_Body"),
        (SqlInjectionRuleSet, "SQLi_BODY", "awswaf:managed:aws:sql-database:SQLi_Body"),
    ];

    public static Rule[] All(FirewallSettings settings) =>
    [
        BlockHealth(0),
        RateLimit(1, settings.RateLimitPerIp),
        Managed(2, "aws-ip-reputation", "AWSManagedRulesAmazonIpReputationList"),
        Managed(3, "aws-common", CommonRuleSet),
        Managed(4, "aws-known-bad-inputs", "AWSManagedRulesKnownBadInputsRuleSet"),
        Managed(5, "aws-sql-injection", SqlInjectionRuleSet),
        BlockBodyRulesOutsideUploads(6, settings.UploadPaths),
    ];

    /// <summary>
    /// <c>/health</c> calls PostgreSQL, Redis and S3 on every request: from the internet it is answered 404 here, before
    /// the load balancer (the load balancer's own checks reach the tasks directly, and they use <c>/alive</c>).
    /// </summary>
    private static Rule BlockHealth(int priority) => new()
    {
        Name = "block-health-endpoint",
        Priority = priority,
        Action = new CfnWebACL.RuleActionProperty
        {
            Block = new CfnWebACL.BlockActionProperty { CustomResponse = new CfnWebACL.CustomResponseProperty { ResponseCode = 404 } },
        },
        Statement = new CfnWebACL.StatementProperty { ByteMatchStatement = PathStartsWith("/health") },
        VisibilityConfig = Visibility("block-health-endpoint"),
    };

    private static Rule RateLimit(int priority, int limit) => new()
    {
        Name = "rate-limit-per-ip",
        Priority = priority,
        Action = new CfnWebACL.RuleActionProperty { Block = new CfnWebACL.BlockActionProperty() },
        Statement = new CfnWebACL.StatementProperty
        {
            RateBasedStatement = new CfnWebACL.RateBasedStatementProperty { Limit = limit, AggregateKeyType = "IP", EvaluationWindowSec = 300 },
        },
        VisibilityConfig = Visibility("rate-limit-per-ip"),
    };

    private static Rule Managed(int priority, string name, string group)
    {
        var counted = CountedBodyRules.Where(r => r.Group == group).ToList();
        return new Rule
        {
            Name = name,
            Priority = priority,
            OverrideAction = new CfnWebACL.OverrideActionProperty { None = new Dictionary<string, object>() },
            Statement = new CfnWebACL.StatementProperty
            {
                ManagedRuleGroupStatement = new CfnWebACL.ManagedRuleGroupStatementProperty
                {
                    VendorName = "AWS",
                    Name = group,
                    RuleActionOverrides = counted.Count == 0 ? null : counted.Select(r => (object)new CfnWebACL.RuleActionOverrideProperty
                    {
                        Name = r.Rule,
                        ActionToUse = new CfnWebACL.RuleActionProperty { Count = new CfnWebACL.CountActionProperty() },
                    }).ToArray(),
                },
            },
            VisibilityConfig = Visibility(name),
        };
    }

    /// <summary>Blocks what a counted body rule matched, unless it is a POST to an upload route.</summary>
    private static Rule BlockBodyRulesOutsideUploads(int priority, IReadOnlyList<string> uploadPaths)
    {
        var labels = CountedBodyRules.Select(r => (object)new CfnWebACL.StatementProperty
        {
            LabelMatchStatement = new CfnWebACL.LabelMatchStatementProperty { Scope = "LABEL", Key = r.Label },
        }).ToArray();
        var uploadRoutes = uploadPaths.Select(p => (object)new CfnWebACL.StatementProperty { ByteMatchStatement = PathStartsWith(p) }).ToArray();
        var upload = new CfnWebACL.StatementProperty
        {
            AndStatement = new CfnWebACL.AndStatementProperty
            {
                Statements = new object[]
                {
                    new CfnWebACL.StatementProperty
                    {
                        ByteMatchStatement = new CfnWebACL.ByteMatchStatementProperty
                        {
                            FieldToMatch = new CfnWebACL.FieldToMatchProperty { Method = new Dictionary<string, object>() },
                            PositionalConstraint = "EXACTLY",
                            SearchString = "POST",
                            TextTransformations = new object[] { new CfnWebACL.TextTransformationProperty { Priority = 0, Type = "NONE" } },
                        },
                    },
                    uploadRoutes.Length == 1 ? uploadRoutes[0] : new CfnWebACL.StatementProperty { OrStatement = new CfnWebACL.OrStatementProperty { Statements = uploadRoutes } },
                },
            },
        };
        return new Rule
        {
            Name = "block-body-rules-outside-uploads",
            Priority = priority,
            Action = new CfnWebACL.RuleActionProperty { Block = new CfnWebACL.BlockActionProperty() },
            Statement = new CfnWebACL.StatementProperty
            {
                AndStatement = new CfnWebACL.AndStatementProperty
                {
                    Statements = new object[]
                    {
                        new CfnWebACL.StatementProperty { OrStatement = new CfnWebACL.OrStatementProperty { Statements = labels } },
                        new CfnWebACL.StatementProperty { NotStatement = new CfnWebACL.NotStatementProperty { Statement = upload } },
                    },
                },
            },
            VisibilityConfig = Visibility("block-body-rules-outside-uploads"),
        };
    }

    /// <summary>The request path, decoded, normalized (no <c>//</c>, <c>./</c>, <c>../</c>) and lower-cased as ASP.NET Core's routing matches it, starting with <paramref name="prefix"/>.</summary>
    private static CfnWebACL.ByteMatchStatementProperty PathStartsWith(string prefix) => new()
    {
        FieldToMatch = new CfnWebACL.FieldToMatchProperty { UriPath = new Dictionary<string, object>() },
        PositionalConstraint = "STARTS_WITH",
        SearchString = prefix.ToLowerInvariant(),
        TextTransformations = new object[]
        {
            new CfnWebACL.TextTransformationProperty { Priority = 0, Type = "URL_DECODE" },
            new CfnWebACL.TextTransformationProperty { Priority = 1, Type = "NORMALIZE_PATH" },
            new CfnWebACL.TextTransformationProperty { Priority = 2, Type = "LOWERCASE" },
        },
    };

    public static CfnWebACL.VisibilityConfigProperty Visibility(string metricName) => new()
    {
        CloudWatchMetricsEnabled = true,
        SampledRequestsEnabled = true,
        MetricName = metricName,
    };
}
