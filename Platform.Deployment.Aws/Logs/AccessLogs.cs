using Amazon.CDK;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.RegionInfo;
using Platform.Deployment.Aws.Synthesis;

namespace Platform.Deployment.Aws.Logs;

/// <summary>
/// The bucket every access log goes to, made on first use: the load balancers' (under <c>elb/</c>) and the included
/// buckets' server access logs (under <c>s3/</c>). Encrypted with S3's own keys (the only encryption load balancer
/// logs take), TLS only, no public access, versioned, objects expiring after the settings' <c>accessLogDays</c> (a
/// deleted one a week later), kept when the stack is deleted. Its policy is written here whole, since the stack has no region at synthesis: a load balancer
/// delivers as its region's Elastic Load Balancing account in the regions older than August 2022, and as the service
/// principal in the others, so the account's statement is there only in the regions that have one.
/// </summary>
internal sealed class AccessLogs(DeploymentContext context)
{
    private const string LoadBalancerPrefix = "elb";
    private const string BucketPrefix = "s3";
    private const int DeletedLogDays = 7;
    private (CfnBucket Bucket, CfnBucketPolicy Policy)? _made;

    /// <summary>Sends <paramref name="loadBalancer"/>'s access logs to the bucket, under <c>elb/{resource}</c>.</summary>
    public void Record(ApplicationLoadBalancer loadBalancer, string resource)
    {
        var (bucket, policy) = _made ??= Create();
        loadBalancer.SetAttribute("access_logs.s3.enabled", "true");
        loadBalancer.SetAttribute("access_logs.s3.bucket", bucket.Ref);
        loadBalancer.SetAttribute("access_logs.s3.prefix", $"{LoadBalancerPrefix}/{resource}");
        // Elastic Load Balancing checks that it may write there when the attributes are set.
        loadBalancer.Node.AddDependency(policy);
    }

    /// <summary>Sends <paramref name="logged"/>'s server access logs to the bucket, under <c>s3/{name}/</c>.</summary>
    public void Record(CfnBucket logged, string name)
    {
        var (bucket, policy) = _made ??= Create();
        logged.LoggingConfiguration = new CfnBucket.LoggingConfigurationProperty { DestinationBucketName = bucket.Ref, LogFilePrefix = $"{BucketPrefix}/{name}/" };
        logged.AddDependency(policy);
    }

    private (CfnBucket, CfnBucketPolicy) Create()
    {
        var stack = context.Stack;
        var bucket = new CfnBucket(stack, "AccessLogBucket", new CfnBucketProps
        {
            BucketEncryption = new CfnBucket.BucketEncryptionProperty
            {
                ServerSideEncryptionConfiguration = new[] { new CfnBucket.ServerSideEncryptionRuleProperty { ServerSideEncryptionByDefault = new CfnBucket.ServerSideEncryptionByDefaultProperty { SseAlgorithm = "AES256" } } },
            },
            PublicAccessBlockConfiguration = new CfnBucket.PublicAccessBlockConfigurationProperty { BlockPublicAcls = true, BlockPublicPolicy = true, IgnorePublicAcls = true, RestrictPublicBuckets = true },
            // A log deleted or overwritten before its time stays recoverable for a week.
            VersioningConfiguration = new CfnBucket.VersioningConfigurationProperty { Status = "Enabled" },
            OwnershipControls = new CfnBucket.OwnershipControlsProperty { Rules = new[] { new CfnBucket.OwnershipControlsRuleProperty { ObjectOwnership = "BucketOwnerEnforced" } } },
            LifecycleConfiguration = new CfnBucket.LifecycleConfigurationProperty
            {
                Rules = new[] { new CfnBucket.RuleProperty { Id = "expire-access-logs", Status = "Enabled", ExpirationInDays = context.Settings.AccessLogDays,
                    NoncurrentVersionExpiration = new CfnBucket.NoncurrentVersionExpirationProperty { NoncurrentDays = DeletedLogDays }, AbortIncompleteMultipartUpload = new CfnBucket.AbortIncompleteMultipartUploadProperty { DaysAfterInitiation = 1 } } },
            },
        });
        bucket.ApplyRemovalPolicy(RemovalPolicy.RETAIN);
        var byAccount = LoadBalancerAccountCondition(stack);
        var policy = new CfnBucketPolicy(stack, "AccessLogBucketPolicy", new CfnBucketPolicyProps
        {
            Bucket = bucket.Ref,
            PolicyDocument = new Dictionary<string, object>
            {
                ["Version"] = "2012-10-17",
                ["Statement"] = new object[]
                {
                    Statement("DenyInsecureTransport", "Deny", "*", "s3:*", [bucket.AttrArn, Objects(bucket, "*")], new Dictionary<string, object> { ["Bool"] = new Dictionary<string, object> { ["aws:SecureTransport"] = "false" } }),
                    Statement("LoadBalancerLogDelivery", "Allow", new Dictionary<string, object> { ["Service"] = "logdelivery.elasticloadbalancing.amazonaws.com" }, "s3:PutObject", [LoadBalancerLogs(bucket)]),
                    // Written as JSON: jsii passes no condition token inside a document.
                    new Dictionary<string, object>
                    {
                        ["Fn::If"] = new object[]
                        {
                            byAccount.LogicalId,
                            Statement("LoadBalancerAccountLogDelivery", "Allow",
                                new Dictionary<string, object> { ["AWS"] = Fn.Join("", ["arn:", Amazon.CDK.Aws.PARTITION, ":iam::", Fn.FindInMap(LoadBalancerAccounts(stack).LogicalId, Amazon.CDK.Aws.REGION, "account"), ":root"]) },
                                "s3:PutObject", [LoadBalancerLogs(bucket)]),
                            new Dictionary<string, object> { ["Ref"] = "AWS::NoValue" },
                        },
                    },
                    Statement("BucketLogDelivery", "Allow", new Dictionary<string, object> { ["Service"] = "logging.s3.amazonaws.com" }, "s3:PutObject", [Objects(bucket, BucketPrefix + "/*")],
                        new Dictionary<string, object> { ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = Amazon.CDK.Aws.ACCOUNT_ID } }),
                },
            },
        });
        return (bucket, policy);
    }

    private static Dictionary<string, object> Statement(string sid, string effect, object principal, string action, string[] resources, Dictionary<string, object>? condition = null)
    {
        var statement = new Dictionary<string, object> { ["Sid"] = sid, ["Effect"] = effect, ["Principal"] = principal, ["Action"] = action, ["Resource"] = resources };
        if (condition is not null)
        {
            statement["Condition"] = condition;
        }
        return statement;
    }

    private static string Objects(CfnBucket bucket, string key) => Fn.Join("", [bucket.AttrArn, "/", key]);

    private static string LoadBalancerLogs(CfnBucket bucket) => Fn.Join("", [bucket.AttrArn, $"/{LoadBalancerPrefix}/*/AWSLogs/", Amazon.CDK.Aws.ACCOUNT_ID, "/*"]);

    /// <summary>The regions where a load balancer delivers its logs as an account of Elastic Load Balancing, with that account (the CDK's region facts).</summary>
    private static IReadOnlyDictionary<string, string> AccountRegions { get; } =
        RegionInfo.Regions.Where(r => r.Elbv2Account is not null).ToDictionary(r => r.Name, r => r.Elbv2Account!);

    private static CfnMapping LoadBalancerAccounts(Stack stack) => new(stack, "LoadBalancerLogAccounts", new CfnMappingProps
    {
        Mapping = AccountRegions.ToDictionary(r => r.Key, r => (IDictionary<string, object>)new Dictionary<string, object> { ["account"] = r.Value }),
    });

    /// <summary>Whether the stack's region is one of those; Fn::Or takes at most 10 conditions, so they are grouped.</summary>
    private static CfnCondition LoadBalancerAccountCondition(Stack stack) => new(stack, "LoadBalancerLogsByAccount", new CfnConditionProps
    {
        Expression = Fn.ConditionOr([.. AccountRegions.Keys.Order().Chunk(10).Select(regions => regions.Length == 1
            ? Fn.ConditionEquals(Amazon.CDK.Aws.REGION, regions[0])
            : Fn.ConditionOr([.. regions.Select(r => Fn.ConditionEquals(Amazon.CDK.Aws.REGION, r))]))]),
    });
}
