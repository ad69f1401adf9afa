using System.Text.Json.Nodes;

namespace Platform.Deployment.Aws.Tests.Synthesis;

/// <summary>Point 4: alarms at the SLA's thresholds, one topic, one dashboard, a budget, cost-allocation tags.</summary>
[Collection(SynthesisCollection.Name)]
public sealed class AlarmTests(SynthesizedTemplates templates)
{
    private SynthesizedTemplate Template => templates.Platform;

    [Theory]
    [InlineData("api")]
    [InlineData("web")]
    public void An_external_service_has_latency_error_rate_and_unhealthy_target_alarms_at_the_SLA(string name)
    {
        var balancer = Template.Single("AWS::ElasticLoadBalancingV2::LoadBalancer", SynthesizedTemplate.Id(name) + "LoadBalancer").Id;
        foreach (var (what, statistic, threshold) in new[] { ("latency-p95", "p95", 0.5), ("latency-p99", "p99", 1.0) })
        {
            var alarm = Alarm(Template, $"platform-{name}-{what}");
            var metric = Metric(alarm);
            Assert.Equal(("AWS/ApplicationELB", "TargetResponseTime", statistic), (metric["Metric"]!["Namespace"]!.GetValue<string>(), metric["Metric"]!["MetricName"]!.GetValue<string>(), metric["Stat"]!.GetValue<string>()));
            Assert.Equal(threshold, alarm["Threshold"]!.GetValue<double>());
            Assert.Equal("GreaterThanThreshold", alarm["ComparisonOperator"]!.GetValue<string>());
            Assert.Equal(balancer, metric["Metric"]!["Dimensions"]![0]!["Value"]!["Fn::GetAtt"]![0]!.GetValue<string>());
        }

        var errorRate = Alarm(Template, $"platform-{name}-error-rate");
        Assert.Equal(0.1, errorRate["Threshold"]!.GetValue<double>());
        var queries = errorRate["Metrics"]!.AsArray();
        var expression = Assert.Single(queries, q => q!["Expression"] is not null)!;
        // The expression is what the alarm compares (ReturnData left out means true); its inputs are not.
        Assert.True(expression["ReturnData"]?.GetValue<bool>() ?? true);
        Assert.All(queries.Where(q => q != expression), q => Assert.False(q!["ReturnData"]!.GetValue<bool>()));
        Assert.Equal("100 * (FILL(targetErrors, 0) + FILL(balancerErrors, 0)) / FILL(requests, 1)", expression["Expression"]!.GetValue<string>());
        Assert.Equal(["HTTPCode_ELB_5XX_Count", "HTTPCode_Target_5XX_Count", "RequestCount"],
            queries.Where(q => q!["MetricStat"] is not null).Select(q => q!["MetricStat"]!["Metric"]!["MetricName"]!.GetValue<string>()).Order());

        foreach (var color in new[] { "blue", "green" })
        {
            var unhealthy = Alarm(Template, $"platform-{name}-unhealthy-{color}");
            Assert.Equal("UnHealthyHostCount", Metric(unhealthy)["Metric"]!["MetricName"]!.GetValue<string>());
            Assert.Equal(["LoadBalancer", "TargetGroup"], Metric(unhealthy)["Metric"]!["Dimensions"]!.AsArray().Select(d => d!["Name"]!.GetValue<string>()).Order());
        }

        Assert.Equal(0.3, Alarm(templates.Release, $"platform-{name}-latency-p95")["Threshold"]!.GetValue<double>());
        Assert.Equal(0.5, Alarm(templates.Release, $"platform-{name}-error-rate")["Threshold"]!.GetValue<double>());
    }

    [Fact]
    public void The_queue_the_database_and_the_cache_have_their_alarms()
    {
        var backlog = Alarm(Template, "platform-worker-queue-backlog");
        Assert.Equal(100, backlog["Threshold"]!.GetValue<double>());
        Assert.Equal("backlog / tasks", backlog["Metrics"]!.AsArray().Single(q => q!["Expression"] is not null)!["Expression"]!.GetValue<string>());
        var deadLettered = Alarm(Template, "platform-worker-dead-lettered-jobs");
        var deadLetteredMetric = Metric(deadLettered);
        Assert.Equal(("Platform", "DeadLetteredJobs", "Sum"), (deadLetteredMetric["Metric"]!["Namespace"]!.GetValue<string>(), deadLetteredMetric["Metric"]!["MetricName"]!.GetValue<string>(), deadLetteredMetric["Stat"]!.GetValue<string>()));
        Assert.Equal(0, deadLettered["Threshold"]!.GetValue<double>());

        Assert.Equal(80, Alarm(Template, "platform-pg-cpu")["Threshold"]!.GetValue<double>());
        var storage = Alarm(Template, "platform-pg-free-storage");
        Assert.Equal("LessThanThreshold", storage["ComparisonOperator"]!.GetValue<string>());
        Assert.Equal(2d * 1024 * 1024 * 1024, storage["Threshold"]!.GetValue<double>());
        Assert.Equal("ReplicaLag", Metric(Alarm(Template, "platform-pg-replica-replica-lag"))["Metric"]!["MetricName"]!.GetValue<string>());
        Assert.DoesNotContain(Template.OfType("AWS::CloudWatch::Alarm"), a => a.Properties["AlarmName"]!.GetValue<string>() == "platform-pg-replica-lag");

        var cache = Template.Single("AWS::ElastiCache::ReplicationGroup", "Cache").Id;
        foreach (var node in new[] { "001", "002" })
        {
            var memory = Alarm(Template, $"platform-cache-memory-{node}");
            Assert.Equal("DatabaseMemoryUsagePercentage", Metric(memory)["Metric"]!["MetricName"]!.GetValue<string>());
            Assert.Equal($"{{\"Fn::Join\":[\"\",[{{\"Ref\":\"{cache}\"}},\"-{node}\"]]}}", Metric(memory)["Metric"]!["Dimensions"]![0]!["Value"]!.ToJsonString());
            Assert.Equal("Evictions", Metric(Alarm(Template, $"platform-cache-evictions-{node}"))["Metric"]!["MetricName"]!.GetValue<string>());
        }
    }

    [Fact]
    public void Every_alarm_and_the_budget_notify_one_topic_that_the_alarm_email_subscribes_to()
    {
        var (topicId, _) = Assert.Single(Template.OfType("AWS::SNS::Topic"));
        var alarms = Template.OfType("AWS::CloudWatch::Alarm").ToList();
        Assert.Equal(26, alarms.Count); // 5 for each of api, web and identity, the worker's 2, the database's 3, the cache's 6
        Assert.All(alarms, a => Assert.Equal(topicId, Assert.Single(a.Properties["AlarmActions"]!.AsArray())!["Ref"]!.GetValue<string>()));

        var subscription = Assert.Single(Template.OfType("AWS::SNS::Subscription")).Properties;
        Assert.Equal(("email", "ops@example.com"), (subscription["Protocol"]!.GetValue<string>(), subscription["Endpoint"]!.GetValue<string>()));
        var policy = Assert.Single(Template.OfType("AWS::SNS::TopicPolicy")).Properties["PolicyDocument"]!["Statement"]!.AsArray();
        Assert.Equal(["budgets.amazonaws.com", "cloudwatch.amazonaws.com"], policy.Where(s => s!["Effect"]!.GetValue<string>() == "Allow").Select(s => s!["Principal"]!["Service"]!.GetValue<string>()).Order());

        var budget = Assert.Single(Template.OfType("AWS::Budgets::Budget")).Properties;
        Assert.Equal(("COST", "MONTHLY", 500d, "USD"), (budget["Budget"]!["BudgetType"]!.GetValue<string>(), budget["Budget"]!["TimeUnit"]!.GetValue<string>(),
            budget["Budget"]!["BudgetLimit"]!["Amount"]!.GetValue<double>(), budget["Budget"]!["BudgetLimit"]!["Unit"]!.GetValue<string>()));
        Assert.All(budget["NotificationsWithSubscribers"]!.AsArray(), n => Assert.Equal(topicId, n!["Subscribers"]![0]!["Address"]!["Ref"]!.GetValue<string>()));
        Assert.Equal(2500, Assert.Single(templates.Release.OfType("AWS::Budgets::Budget")).Properties["Budget"]!["BudgetLimit"]!["Amount"]!.GetValue<double>());
    }

    [Fact]
    public void One_dashboard_shows_each_service_s_SLA_the_queue_the_database_and_the_cache()
    {
        var (_, dashboard) = Assert.Single(Template.OfType("AWS::CloudWatch::Dashboard"));
        var body = dashboard["DashboardBody"]!.ToJsonString();
        var titles = new[] { "## api: SLA", "## web: SLA", "## worker: queue", "## pg: database", "## pg-replica: database", "## cache: cache" };
        Assert.All(titles, t => Assert.Contains(t, body));
        Assert.Equal(titles.Select(t => body.IndexOf(t, StringComparison.Ordinal)).Order(), titles.Select(t => body.IndexOf(t, StringComparison.Ordinal)));
        Assert.Contains("TargetResponseTime", body);
        Assert.Contains("DeadLetteredJobs", body);
    }

    [Fact]
    public async Task Every_resource_that_takes_tags_carries_the_cost_allocation_tags()
    {
        var taggable = (await ServiceSpec.ValidateAsync(Template.Result.TemplatePath)).Taggable;

        Assert.NotEmpty(taggable);
        foreach (var id in taggable.Where(id => Template.Resources[id]!["Type"]!.GetValue<string>() != "AWS::ElasticLoadBalancingV2::ListenerRule"))
        {
            var tags = Tags(Template.Resources[id]!["Properties"]!["Tags"]);
            Assert.True(tags.GetValueOrDefault("platform:stack") == "platform" && tags.ContainsKey("platform:resource") && tags.GetValueOrDefault("team") == "platform",
                $"{id} ({Template.Resources[id]!["Type"]}) is not tagged: {string.Join(", ", tags)}");
        }
        Assert.Equal("api", Tags(Template.Resources[Template.Single("AWS::ECS::Service", "ApiService").Id]!["Properties"]!["Tags"])["platform:resource"]);
        Assert.Equal("pg-replica", Tags(Template.Resources[Template.Single("AWS::RDS::DBInstance", "PgReplica").Id]!["Properties"]!["Tags"])["platform:resource"]);
        Assert.Equal("shared", Tags(Template.Resources[Template.Single("AWS::EC2::VPC", "Vpc").Id]!["Properties"]!["Tags"])["platform:resource"]);
    }

    private static Dictionary<string, string> Tags(JsonNode? tags) => tags switch
    {
        JsonArray list => list.ToDictionary(t => t!["Key"]!.GetValue<string>(), t => t!["Value"]!.ToJsonString().Trim('"')),
        JsonObject map => map.ToDictionary(t => t.Key, t => t.Value!.ToJsonString().Trim('"')),
        _ => [],
    };

    /// <summary>
    /// The one metric of an alarm on a single metric, as a query's <c>MetricStat</c>: CloudFormation takes it as the
    /// alarm's own properties, or as its one query (which the CDK writes when the metric has a label).
    /// </summary>
    private static JsonNode Metric(JsonObject alarm) => alarm["Metrics"] is JsonArray queries
        ? Assert.Single(queries)!["MetricStat"]!
        : new JsonObject
        {
            ["Metric"] = new JsonObject
            {
                ["Namespace"] = alarm["Namespace"]!.DeepClone(),
                ["MetricName"] = alarm["MetricName"]!.DeepClone(),
                ["Dimensions"] = alarm["Dimensions"]!.DeepClone(),
            },
            ["Stat"] = (alarm["Statistic"] ?? alarm["ExtendedStatistic"])!.DeepClone(),
        };

    internal static JsonObject Alarm(SynthesizedTemplate template, string name) =>
        Assert.Single(template.OfType("AWS::CloudWatch::Alarm"), a => a.Properties["AlarmName"]!.GetValue<string>() == name).Properties;
}
