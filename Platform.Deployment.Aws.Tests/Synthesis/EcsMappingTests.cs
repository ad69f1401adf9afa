using System.Text.RegularExpressions;

namespace Platform.Deployment.Aws.Tests.Synthesis;

/// <summary>The template synthesized from aspire-manifest.json, resource by resource, against the mapping in README.md.</summary>
[Collection(SynthesisCollection.Name)]
public sealed partial class EcsMappingTests(SynthesizedTemplates templates)
{
    private SynthesizedTemplate Template => templates.Platform;

    [Theory]
    [InlineData("api")]
    [InlineData("web")]
    public void An_external_project_is_a_Fargate_service_behind_a_load_balancer_checking_liveness(string name)
    {
        var (serviceId, service) = Template.Single("AWS::ECS::Service", SynthesizedTemplate.Id(name) + "Service");
        Assert.Equal("FARGATE", service["LaunchType"]!.GetValue<string>());
        Assert.Equal("DISABLED", service["NetworkConfiguration"]!["AwsvpcConfiguration"]!["AssignPublicIp"]!.GetValue<string>());
        Assert.True(service["DeploymentConfiguration"]!["DeploymentCircuitBreaker"]!["Enable"]!.GetValue<bool>());
        Assert.True(service["DeploymentConfiguration"]!["DeploymentCircuitBreaker"]!["Rollback"]!.GetValue<bool>());
        Assert.Equal(60, service["HealthCheckGracePeriodSeconds"]!.GetValue<int>());
        var loadBalancer = Assert.Single(service["LoadBalancers"]!.AsArray())!;
        Assert.Equal(name, loadBalancer["ContainerName"]!.GetValue<string>());
        Assert.Equal(8080, loadBalancer["ContainerPort"]!.GetValue<int>());

        var targetGroupId = loadBalancer["TargetGroupArn"]!["Ref"]!.GetValue<string>();
        var targetGroup = Template.Resources[targetGroupId]!["Properties"]!;
        Assert.Equal("/alive", targetGroup["HealthCheckPath"]!.GetValue<string>());
        Assert.Equal("200", targetGroup["Matcher"]!["HttpCode"]!.GetValue<string>());
        Assert.Equal("ip", targetGroup["TargetType"]!.GetValue<string>());
        var (_, balancer) = Template.Single("AWS::ElasticLoadBalancingV2::LoadBalancer", SynthesizedTemplate.Id(name) + "LoadBalancer");
        Assert.Equal("internet-facing", balancer["Scheme"]!.GetValue<string>());
        Assert.Contains(Template.Json["Outputs"]!.AsObject(), o => o.Key.StartsWith(SynthesizedTemplate.Id(name) + "Url", StringComparison.Ordinal));
        Assert.Equal("8080", Template.Variables(name).Environment["HTTP_PORTS"]);
        Assert.NotEmpty(serviceId);
    }

    [Fact]
    public void Services_reach_each_other_by_resource_name_through_Service_Connect()
    {
        var (_, api) = Template.Single("AWS::ECS::Service", "ApiService");
        var connect = api["ServiceConnectConfiguration"]!;
        Assert.True(connect["Enabled"]!.GetValue<bool>());
        var alias = connect["Services"]![0]!["ClientAliases"]![0]!;
        Assert.Equal("api", alias["DnsName"]!.GetValue<string>());
        Assert.Equal(8080, alias["Port"]!.GetValue<int>());

        Assert.Equal("http://api:8080", Template.Variables("web").Environment["services__api__http__0"]);
        var (_, worker) = Template.Single("AWS::ECS::Service", "WorkerService");
        Assert.Null(worker["LoadBalancers"]);
        Assert.Null(worker["HealthCheckGracePeriodSeconds"]);
        Assert.True(worker["ServiceConnectConfiguration"]!["Enabled"]!.GetValue<bool>());
        // web may call api on its port, and nothing else may.
        Assert.Contains(Template.OfType("AWS::EC2::SecurityGroupIngress"), r =>
            r.Id.StartsWith("ApiSecurityGroupfrom", StringComparison.Ordinal) && r.Id.Contains("WebSecurityGroup", StringComparison.Ordinal) && r.Properties["FromPort"]!.GetValue<int>() == 8080);
    }

    [Fact]
    public void The_worker_scales_on_cpu_memory_and_queue_backlog_per_task()
    {
        var (targetId, target) = Assert.Single(Template.OfType("AWS::ApplicationAutoScaling::ScalableTarget"), t => t.Id.StartsWith("WorkerService", StringComparison.Ordinal));
        Assert.Equal(2, target["MinCapacity"]!.GetValue<int>());
        Assert.Equal(20, target["MaxCapacity"]!.GetValue<int>());
        var policies = Template.OfType("AWS::ApplicationAutoScaling::ScalingPolicy")
            .Where(p => p.Properties["ScalingTargetId"]!["Ref"]!.GetValue<string>() == targetId)
            .Select(p => p.Properties["TargetTrackingScalingPolicyConfiguration"]!)
            .ToList();
        Assert.Equal(3, policies.Count);
        Assert.Contains(policies, p => p["PredefinedMetricSpecification"]?["PredefinedMetricType"]?.GetValue<string>() == "ECSServiceAverageCPUUtilization" && p["TargetValue"]!.GetValue<double>() == 70);
        Assert.Contains(policies, p => p["PredefinedMetricSpecification"]?["PredefinedMetricType"]?.GetValue<string>() == "ECSServiceAverageMemoryUtilization" && p["TargetValue"]!.GetValue<double>() == 75);
        var backlog = Assert.Single(policies, p => p["CustomizedMetricSpecification"] is not null);
        Assert.Equal(20, backlog["TargetValue"]!.GetValue<double>());
        var metrics = backlog["CustomizedMetricSpecification"]!["Metrics"]!.AsArray();
        var published = metrics.Single(m => m!["Id"]!.GetValue<string>() == "backlog")!["MetricStat"]!["Metric"]!;
        Assert.Equal("Platform", published["Namespace"]!.GetValue<string>());
        Assert.Equal("QueueBacklog", published["MetricName"]!.GetValue<string>());
        Assert.Equal("worker", published["Dimensions"]![0]!["Value"]!.GetValue<string>());
        Assert.Equal("backlog / tasks", metrics.Single(m => m!["ReturnData"]!.GetValue<bool>())!["Expression"]!.GetValue<string>());
        Assert.Equal("worker", Template.Variables("worker").Environment["OTEL_SERVICE_NAME"]);

        // The worker publishes the backlog through its logs (embedded metric format): told where, and given no CloudWatch permission.
        Assert.Equal("Platform", Template.Variables("worker").Environment["CloudWatch__Namespace"]);
        Assert.DoesNotContain("CloudWatch__Namespace", Template.Variables("api").Environment.Keys);
        Assert.DoesNotContain(Template.OfType("AWS::IAM::Policy"), p => p.Properties.ToJsonString().Contains("cloudwatch:", StringComparison.Ordinal));
    }

    [Fact]
    public void Postgres_is_RDS_multi_AZ_encrypted_with_backups_in_isolated_subnets_and_a_read_replica()
    {
        var (primaryId, primary) = Template.Single("AWS::RDS::DBInstance", "Pg");
        Assert.Equal("postgres", primary["Engine"]!.GetValue<string>());
        Assert.Equal("18", primary["EngineVersion"]!.GetValue<string>());
        Assert.True(primary["MultiAZ"]!.GetValue<bool>());
        Assert.True(primary["StorageEncrypted"]!.GetValue<bool>());
        Assert.Equal(7, primary["BackupRetentionPeriod"]!.GetValue<int>());
        Assert.False(primary["PubliclyAccessible"]!.GetValue<bool>());
        Assert.Equal("platformdb", primary["DBName"]!.GetValue<string>());
        Assert.Equal("postgres", primary["MasterUsername"]!.GetValue<string>());
        Assert.Contains("{{resolve:secretsmanager:", primary["MasterUserPassword"]!.ToJsonString());
        Assert.Contains("PgPasswordSecret", primary["MasterUserPassword"]!.ToJsonString());
        AssertIsolated(primary["DBSubnetGroupName"]!["Ref"]!.GetValue<string>(), "SubnetIds");

        var (_, replica) = Template.Single("AWS::RDS::DBInstance", "PgReplica");
        Assert.Contains(primaryId, replica["SourceDBInstanceIdentifier"]!.ToJsonString());
        AssertIsolated(replica["DBSubnetGroupName"]!["Ref"]!.GetValue<string>(), "SubnetIds");

        // Whoever referenced the replica's connection string gets the replica's address.
        var (_, secrets) = Template.Variables("api");
        Assert.Contains("PgReplica", SecretString(secrets["ConnectionStrings__platformdb-replica"]));
        Assert.DoesNotContain("PgReplica", SecretString(secrets["ConnectionStrings__platformdb"]));
        Assert.Contains("Database=platformdb", SecretString(secrets["ConnectionStrings__platformdb-replica"]));
    }

    [Fact]
    public void Each_service_signs_in_to_RDS_as_its_own_role_and_only_the_schema_steps_get_the_master_password()
    {
        // (service, connection string, role, the secret generated for the role's password, server)
        (string Service, string Name, string Role, string Password, string Server)[] logins =
        [
            ("api", "platformdb", "api", "PlatformdbApiPasswordSecret", "Pg"),
            ("api", "platformdb-replica", "analytics", "PlatformdbAnalyticsPasswordSecret", "PgReplica"),
            ("worker", "platformdb", "worker", "PlatformdbWorkerPasswordSecret", "Pg"),
            ("identity", "identitydb", "identity", "IdentitydbIdentityPasswordSecret", "Pg"),
        ];
        foreach (var (service, name, role, password, server) in logins)
        {
            var connectionString = SecretString(Template.Variables(service).Secrets[$"ConnectionStrings__{name}"]);
            Assert.Contains($"Username={role};", connectionString);
            Assert.Contains($"{{\"Ref\":\"{password}", connectionString);
            Assert.Contains($"{{\"Fn::GetAtt\":[\"{server}", connectionString);
            Assert.Equal(server == "PgReplica", connectionString.Contains("PgReplica", StringComparison.Ordinal));
        }
        foreach (var service in new[] { "api", "worker", "web", "identity" })
        {
            // A generated secret (web's client secret) has no string to compose; a composed one must not name the master's.
            Assert.All(Template.Variables(service).Secrets.Values,
                secret => Assert.DoesNotContain("PgPasswordSecret", Template.Resources[secret]!["Properties"]!["SecretString"]?.ToJsonString() ?? ""));
        }
        // The steps that own a schema sign in as the master user and are given the roles they create.
        var migrations = Template.Variables("migrations").Secrets;
        Assert.Contains("PgPasswordSecret", SecretString(migrations["ConnectionStrings__platformdb"]));
        Assert.Contains("Username=api;", SecretString(migrations["ConnectionStrings__platformdb-api"]));
        Assert.Contains("Username=worker;", SecretString(migrations["ConnectionStrings__platformdb-worker"]));
        Assert.Contains("Username=analytics;", SecretString(migrations["ConnectionStrings__platformdb-analytics"]));
        var setup = Template.Variables("identity-setup").Secrets;
        Assert.Contains("PgPasswordSecret", SecretString(setup["ConnectionStrings__identitydb"]));
        Assert.Contains("Username=identity;", SecretString(setup["ConnectionStrings__identitydb-identity"]));
    }

    [Fact]
    public void Redis_is_an_ElastiCache_replication_group_with_TLS_encryption_at_rest_and_an_auth_token()
    {
        var (_, cache) = Template.Single("AWS::ElastiCache::ReplicationGroup", "Cache");
        Assert.True(cache["TransitEncryptionEnabled"]!.GetValue<bool>());
        Assert.True(cache["AtRestEncryptionEnabled"]!.GetValue<bool>());
        Assert.True(cache["AutomaticFailoverEnabled"]!.GetValue<bool>());
        Assert.Equal(2, cache["NumCacheClusters"]!.GetValue<int>());
        Assert.Contains("CachePasswordSecret", cache["AuthToken"]!.ToJsonString());
        AssertIsolated(cache["CacheSubnetGroupName"]!["Ref"]!.GetValue<string>(), "SubnetIds");

        var connectionString = SecretString(Template.Variables("worker").Secrets["ConnectionStrings__cache"]);
        Assert.Contains("PrimaryEndPoint.Address", connectionString);
        Assert.Contains(",ssl=true\"]]", connectionString);
    }

    [Fact]
    public void The_storage_template_is_included_and_only_the_services_that_reference_it_may_use_its_bucket()
    {
        var (_, bucket) = Template.Single("AWS::S3::Bucket", "AssetsBucket");
        Assert.Equal("Enabled", bucket["VersioningConfiguration"]!["Status"]!.GetValue<string>());
        Assert.True(bucket["PublicAccessBlockConfiguration"]!["BlockPublicAcls"]!.GetValue<bool>());
        Assert.NotNull(bucket["BucketEncryption"]);
        Assert.Equal("Retain", Template.Resources["AssetsBucket"]!["DeletionPolicy"]!.GetValue<string>());

        var grantees = Template.OfType("AWS::IAM::Policy")
            .Where(p => p.Properties.ToJsonString().Contains("\"s3:PutObject\"", StringComparison.Ordinal))
            .Select(p => p.Id[..p.Id.IndexOf("Task", StringComparison.Ordinal)])
            .Order();
        Assert.Equal(["Api", "Worker"], grantees);
        var assets = SecretString(Template.Variables("api").Secrets["ConnectionStrings__assets"]);
        Assert.Contains("{\"Ref\":\"AssetsBucket\"}", assets);
        Assert.DoesNotContain("AccessKey", assets);
    }

    [Fact]
    public void Parameters_and_connection_strings_are_secrets_never_environment_values()
    {
        foreach (var name in new[] { "api", "worker", "web", "migrations" })
        {
            var (environment, secrets) = Template.Variables(name);
            Assert.DoesNotContain(environment.Keys, k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal));
            Assert.DoesNotContain(environment.Values, v => v.Contains("resolve:secretsmanager", StringComparison.Ordinal) || v.Contains("Password", StringComparison.OrdinalIgnoreCase));
            // Connection strings, and web's client id and secret (parameters): secrets, whatever the variable is called.
            Assert.All(secrets.Keys, k => Assert.True(k.StartsWith("ConnectionStrings__", StringComparison.Ordinal) || k is "Identity__ClientId" or "Identity__ClientSecret", k));
        }
        var generated = Template.OfType("AWS::SecretsManager::Secret").Where(s => s.Properties["GenerateSecretString"] is not null).ToList();
        var lengths = new Dictionary<string, int>
        {
            ["CachePassword"] = 22, ["PgPassword"] = 22, ["IdentityAdminPassword"] = 22, ["IdentityCliSecret"] = 22,
            ["IdentityWebSecret"] = 22, ["IdentitySigningKey"] = 43, ["PlatformdbApiPassword"] = 22, ["PlatformdbWorkerPassword"] = 22,
            ["PlatformdbAnalyticsPassword"] = 22, ["IdentitydbIdentityPassword"] = 22,
        };
        Assert.Equal(lengths.Keys.Order(), generated.Select(g => g.Id[..g.Id.LastIndexOf("Secret", StringComparison.Ordinal)]).Order());
        Assert.All(generated, g =>
        {
            Assert.Equal(lengths[g.Id[..g.Id.LastIndexOf("Secret", StringComparison.Ordinal)]], g.Properties["GenerateSecretString"]!["PasswordLength"]!.GetValue<int>());
            Assert.True(g.Properties["GenerateSecretString"]!["ExcludePunctuation"]!.GetValue<bool>());
        });
        // Connection strings shared by several services are one secret.
        Assert.Equal(Template.Variables("api").Secrets["ConnectionStrings__platformdb"], Template.Variables("migrations").Secrets["ConnectionStrings__platformdb-api"]);
    }

    [Fact]
    public void Every_placeholder_is_resolved_to_a_CloudFormation_value()
    {
        Assert.Empty(ManifestPlaceholder().Matches(Template.Text).Select(m => m.Value));
        Assert.Contains("Fn::GetAtt", SecretString(Template.Variables("api").Secrets["ConnectionStrings__platformdb"]));
    }

    [Fact]
    public void Built_images_are_stack_parameters()
    {
        var parameters = Template.Json["Parameters"]!.AsObject();
        foreach (var name in new[] { "Api", "Worker", "Web", "Migrations" })
        {
            var repository = parameters[name + "ImageRepository"]!;
            Assert.Equal($"platform/{name.ToLowerInvariant()}", repository["Default"]!.GetValue<string>());
            Assert.Contains("-t:PublishContainer", repository["Description"]!.GetValue<string>());
        }
        Assert.Null(parameters["ImageTag"]!["Default"]);
        var image = Template.Container("api")["Image"]!.ToJsonString();
        Assert.Contains("\"ApiImageRepository\"", image);
        Assert.Contains("\"ImageTag\"", image);
    }

    [Fact]
    public void The_migration_runs_once_per_deployment_before_the_services_that_wait_for_it()
    {
        var (runId, run) = Assert.Single(Template.Resources.Where(r => r.Value!["Type"]!.GetValue<string>() == "Custom::RunOnce")
            .Select(r => (r.Key, r.Value!["Properties"]!)), r => r.Item2["Container"]!.GetValue<string>() == "migrations");
        Assert.Contains("MigrationsTask", run["TaskDefinition"]!.ToJsonString());
        Assert.Equal("migrations", run["Container"]!.GetValue<string>());
        Assert.Equal("DeploymentId", run["DeploymentId"]!["Ref"]!.GetValue<string>());
        Assert.Contains(runId, Template.DependsOn(Template.Single("AWS::ECS::Service", "ApiService").Id));
        Assert.Contains(runId, Template.DependsOn(Template.Single("AWS::ECS::Service", "WorkerService").Id));
        Assert.DoesNotContain(runId, Template.DependsOn(Template.Single("AWS::ECS::Service", "WebService").Id));
        Assert.DoesNotContain(Template.OfType("AWS::ECS::Service"), s => s.Id.StartsWith("Migrations", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_task_logs_to_its_own_group_with_retention_and_has_its_own_roles()
    {
        foreach (var name in new[] { "api", "worker", "web", "migrations" })
        {
            var options = Template.Container(name)["LogConfiguration"]!["Options"]!;
            var group = Template.Resources[options["awslogs-group"]!["Ref"]!.GetValue<string>()]!;
            Assert.Equal(30, group["Properties"]!["RetentionInDays"]!.GetValue<int>());
            var (_, definition) = Template.Single("AWS::ECS::TaskDefinition", SynthesizedTemplate.Id(name) + "Task");
            Assert.StartsWith(SynthesizedTemplate.Id(name) + "TaskTaskRole", definition["TaskRoleArn"]!["Fn::GetAtt"]![0]!.GetValue<string>());
            Assert.StartsWith(SynthesizedTemplate.Id(name) + "TaskExecutionRole", definition["ExecutionRoleArn"]!["Fn::GetAtt"]![0]!.GetValue<string>());
        }
        // web uses nothing of AWS but telemetry: its task role has the collector's statements only (TelemetryTests).
        Assert.Equal(2, Template.Statements(Template.Single("AWS::IAM::Role", "WebTaskTaskRole").Id).Count);
    }

    [Fact]
    public void Settings_size_the_tasks()
    {
        var (_, api) = Template.Single("AWS::ECS::TaskDefinition", "ApiTask");
        Assert.Equal("512", api["Cpu"]!.GetValue<string>());
        Assert.Equal("1024", api["Memory"]!.GetValue<string>());
        var (_, web) = Template.Single("AWS::ECS::TaskDefinition", "WebTask");
        Assert.Equal("256", web["Cpu"]!.GetValue<string>());
    }

    private string SecretString(string secretId) => Template.Resources[secretId]!["Properties"]!["SecretString"]!.ToJsonString();

    private void AssertIsolated(string subnetGroupId, string property)
    {
        var subnets = Template.Resources[subnetGroupId]!["Properties"]![property]!.AsArray().Select(s => s!["Ref"]!.GetValue<string>()).ToList();
        Assert.Equal(2, subnets.Count);
        Assert.All(subnets, s => Assert.StartsWith("VpcDataSubnet", s));
    }

    [GeneratedRegex(@"\{[A-Za-z0-9_-]+\.(bindings|connectionString|value|inputs|output)[A-Za-z0-9_.-]*\}")]
    private static partial Regex ManifestPlaceholder();
}
