using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Platform.Deployment.Aws.Tests.Synthesis;

/// <summary>
/// What the current CDK's validation and cdk-nag found, fixed: access logs of every load balancer and included bucket in
/// one encrypted, TLS-only bucket that keeps them for <c>accessLogDays</c>; a TLS-only alarm topic; security group and
/// rule descriptions EC2 takes; the read replica's encryption stated.
/// </summary>
[Collection(SynthesisCollection.Name)]
public sealed partial class AccessLogTests(SynthesizedTemplates templates)
{
    [Theory]
    [InlineData("platform", 90)]
    [InlineData("release", 30)]
    public void Every_load_balancer_and_included_bucket_logs_into_the_access_log_bucket(string name, int days)
    {
        var template = templates[name];

        var balancers = template.OfType("AWS::ElasticLoadBalancingV2::LoadBalancer").ToList();
        Assert.Equal(3, balancers.Count);
        foreach (var (id, balancer) in balancers)
        {
            var attributes = balancer["LoadBalancerAttributes"]!.AsArray().ToDictionary(a => a!["Key"]!.GetValue<string>(), a => a!["Value"]!.ToJsonString());
            Assert.Equal("\"true\"", attributes["access_logs.s3.enabled"]);
            Assert.Equal("{\"Ref\":\"AccessLogBucket\"}", attributes["access_logs.s3.bucket"]);
            Assert.StartsWith("\"elb/", attributes["access_logs.s3.prefix"]);
            Assert.Contains("AccessLogBucketPolicy", template.DependsOn(id));
        }
        var logging = template.Resources["AssetsBucket"]!["Properties"]!["LoggingConfiguration"]!;
        Assert.Equal(("{\"Ref\":\"AccessLogBucket\"}", "s3/AssetsBucket/"), (logging["DestinationBucketName"]!.ToJsonString(), logging["LogFilePrefix"]!.GetValue<string>()));

        var bucket = template.Resources["AccessLogBucket"]!["Properties"]!;
        Assert.Equal("AES256", bucket["BucketEncryption"]!["ServerSideEncryptionConfiguration"]![0]!["ServerSideEncryptionByDefault"]!["SSEAlgorithm"]!.GetValue<string>());
        Assert.True(bucket["PublicAccessBlockConfiguration"]!["RestrictPublicBuckets"]!.GetValue<bool>());
        Assert.Equal(days, bucket["LifecycleConfiguration"]!["Rules"]![0]!["ExpirationInDays"]!.GetValue<int>());
        Assert.Equal("Retain", template.Resources["AccessLogBucket"]!["DeletionPolicy"]!.GetValue<string>());
        var statements = template.Resources["AccessLogBucketPolicy"]!["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray();
        Assert.Contains(statements, s => DeniesPlainTransport(s!));
        Assert.Contains(statements, s => Service(s!) == "logdelivery.elasticloadbalancing.amazonaws.com");
        Assert.Contains(statements, s => (s as JsonObject)?["Fn::If"]?[0]?.GetValue<string>() == "LoadBalancerLogsByAccount");
        Assert.Contains(statements, s => Service(s!) == "logging.s3.amazonaws.com");
    }

    [Fact]
    public void The_alarm_topic_accepts_publishes_over_TLS_only()
    {
        var (_, policy) = Assert.Single(templates.Platform.OfType("AWS::SNS::TopicPolicy"));

        Assert.Contains(policy["PolicyDocument"]!["Statement"]!.AsArray(), s => DeniesPlainTransport(s!));
    }

    [Fact]
    public void Every_security_group_and_rule_description_is_one_EC2_takes()
    {
        foreach (var name in SynthesizedTemplates.Inputs.Keys)
        {
            var template = templates[name];
            var descriptions = template.OfType("AWS::EC2::SecurityGroup")
                .SelectMany(g => (g.Properties["SecurityGroupIngress"] as JsonArray ?? []).Concat(g.Properties["SecurityGroupEgress"] as JsonArray ?? [])
                    .Select(r => r!["Description"]).Append(g.Properties["GroupDescription"]))
                .Concat(template.OfType("AWS::EC2::SecurityGroupIngress").Concat(template.OfType("AWS::EC2::SecurityGroupEgress")).Select(r => r.Properties["Description"]))
                .OfType<JsonValue>().Select(d => d.GetValue<string>()).ToList();

            Assert.NotEmpty(descriptions);
            Assert.All(descriptions, d => Assert.Matches(Ec2Description(), d));
        }
    }

    [Fact]
    public void The_read_replica_s_storage_is_encrypted_as_its_primary_s()
    {
        var template = templates.Platform;

        var (primaryId, primary) = template.Single("AWS::RDS::DBInstance", "Pg");
        Assert.True(primary["StorageEncrypted"]!.GetValue<bool>());
        var (_, replica) = template.Single("AWS::RDS::DBInstance", "PgReplica");
        Assert.Contains($"\"{primaryId}\"", replica["SourceDBInstanceIdentifier"]!.ToJsonString());
        Assert.Contains("storage encrypted as its primary's", template.PlanLine("pg-replica"));
    }

    private static string? Service(JsonNode statement) => ((statement as JsonObject)?["Principal"] as JsonObject)?["Service"]?.GetValue<string>();

    private static bool DeniesPlainTransport(JsonNode statement) =>
        statement is JsonObject { } s && s["Effect"]?.GetValue<string>() == "Deny" && s["Condition"]?["Bool"]?["aws:SecureTransport"]?.GetValue<string>() == "false";

    /// <summary>What EC2 takes in a security group's or rule's description.</summary>
    [GeneratedRegex(@"^[a-zA-Z0-9 ._\-:/()#,@\[\]+=&;{}!$*]*$")]
    private static partial Regex Ec2Description();
}
