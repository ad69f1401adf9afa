namespace Platform.Deployment.Aws.Tests.Synthesis;

/// <summary>
/// The everyday shape of Aspire apps, point by point (issue 18): http and https bindings, data volumes, Valkey and
/// Garnet, RabbitMQ, MySQL and SQL Server, other containers' volumes, several databases on one server.
/// </summary>
[Collection(SynthesisCollection.Name)]
public sealed class AspireAppMappingTests(SynthesizedTemplates templates)
{
    private SynthesizedTemplate EShop => templates.EShop;

    [Fact]
    public void Http_and_https_bindings_of_an_external_project_are_one_load_balancer_forwarding_to_its_plain_port()
    {
        var (balancerId, _) = EShop.Single("AWS::ElasticLoadBalancingV2::LoadBalancer", "WebappLoadBalancer");
        var listeners = HttpsTests.Listeners(EShop, balancerId);
        Assert.Equal([80, 443, 8443], listeners.Select(l => l["Port"]!.GetValue<int>()).Order());
        Assert.Equal("HTTPS", listeners.Single(l => l["Port"]!.GetValue<int>() == 443)["Protocol"]!.GetValue<string>());
        Assert.Equal("redirect", listeners.Single(l => l["Port"]!.GetValue<int>() == 80)["DefaultActions"]![0]!["Type"]!.GetValue<string>());
        var (_, service) = EShop.Single("AWS::ECS::Service", "WebappService");
        Assert.Equal(8080, Assert.Single(service["LoadBalancers"]!.AsArray())!["ContainerPort"]!.GetValue<int>());
        // One port mapping serves both bindings, as HTTP_PORTS says.
        var mapping = Assert.Single(EShop.Container("webapp")["PortMappings"]!.AsArray())!;
        Assert.Equal((8080, "http"), (mapping["ContainerPort"]!.GetValue<int>(), mapping["Name"]!.GetValue<string>()));
        Assert.Equal("8080", EShop.Variables("webapp").Environment["HTTP_PORTS"]);
    }

    [Fact]
    public void An_https_binding_resolves_to_the_public_address_when_external_and_to_the_plain_port_inside_the_VPC_otherwise()
    {
        var environment = EShop.Variables("webapp").Environment;

        Assert.Equal("https://identity-api.example.com:443", environment["IdentityUrl"]);
        Assert.Equal("https://identity-api.example.com:443", environment["services__identity-api__https__0"]);
        Assert.Equal("http://identity-api:8080", environment["services__identity-api__http__0"]);
        Assert.Equal("https://webapp.example.com:443", environment["CallBackUrl"]);
        Assert.Equal("http://basket-api:8080", environment["services__basket-api__https__0"]);
        Assert.Equal("http://basket-api:8080", environment["services__basket-api__http__0"]);
        Assert.Contains("binding 'https' is http://basket-api:8080: the same plain port", EShop.PlanLine("basket-api"));
        // basket-api may be reached on its port by webapp, which uses it; the public address needs no rule.
        Assert.Contains(EShop.OfType("AWS::EC2::SecurityGroupIngress"), r =>
            r.Id.StartsWith("BasketApiSecurityGroupfrom", StringComparison.Ordinal) && r.Id.Contains("WebappSecurityGroup", StringComparison.Ordinal) && r.Properties["FromPort"]!.GetValue<int>() == 8080);
    }

    [Fact]
    public void A_second_external_port_is_a_listener_of_the_same_load_balancer_and_the_service_rolls()
    {
        var (balancerId, _) = EShop.Single("AWS::ElasticLoadBalancingV2::LoadBalancer", "SeqLoadBalancer");
        var listeners = HttpsTests.Listeners(EShop, balancerId);

        Assert.Equal([80, 443, 5341], listeners.Select(l => l["Port"]!.GetValue<int>()).Order());
        Assert.All(listeners.Where(l => l["Port"]!.GetValue<int>() != 80), l => Assert.Equal("HTTPS", l["Protocol"]!.GetValue<string>()));
        var (_, service) = EShop.Single("AWS::ECS::Service", "SeqService");
        Assert.Equal([80, 5341], service["LoadBalancers"]!.AsArray().Select(l => l!["ContainerPort"]!.GetValue<int>()).Order());
        Assert.Null(service["DeploymentConfiguration"]!["Strategy"]);
        // Not a project: any answer on / means it listens.
        var targetGroup = EShop.Resources[service["LoadBalancers"]![0]!["TargetGroupArn"]!["Ref"]!.GetValue<string>()]!["Properties"]!;
        Assert.Equal(("/", "200-499"), (targetGroup["HealthCheckPath"]!.GetValue<string>(), targetGroup["Matcher"]!["HttpCode"]!.GetValue<string>()));
    }

    [Fact]
    public void A_data_volume_on_a_managed_service_is_dropped_with_one_line_saying_so()
    {
        foreach (var (name, service) in new[] { ("postgres", "RDS"), ("redis", "ElastiCache"), ("outputcache", "ElastiCache"), ("eventbus", "Amazon MQ") })
        {
            Assert.Contains($"dropped: it is the container's local data folder, and {service} keeps the data", EShop.PlanLine(name));
        }
        Assert.Single(EShop.OfType("AWS::EFS::FileSystem"));
    }

    [Theory]
    [InlineData("sessions", "Sessions", "valkeys", "8.2")]
    [InlineData("outputcache", "Outputcache", "rediss", "9.0")]
    public void Valkey_and_Garnet_are_ElastiCache_Valkey_with_TLS_an_auth_token_and_failover(string name, string id, string scheme, string version)
    {
        var (_, group) = EShop.Single("AWS::ElastiCache::ReplicationGroup", id);
        Assert.Equal(("valkey", version), (group["Engine"]!.GetValue<string>(), group["EngineVersion"]!.GetValue<string>()));
        Assert.True(group["TransitEncryptionEnabled"]!.GetValue<bool>());
        Assert.True(group["AtRestEncryptionEnabled"]!.GetValue<bool>());
        Assert.True(group["AutomaticFailoverEnabled"]!.GetValue<bool>());
        Assert.Equal(7, group["SnapshotRetentionLimit"]!.GetValue<int>());
        Assert.Contains(id + "PasswordSecret", group["AuthToken"]!.ToJsonString());

        var (environment, secrets) = EShop.Variables("webapp");
        var address = $"{{\"Fn::GetAtt\":[\"{id}\",\"PrimaryEndPoint.Address\"]}}";
        Assert.Equal(address, environment[$"{name.ToUpperInvariant()}_HOST"]);
        Assert.Equal($"{{\"Fn::GetAtt\":[\"{id}\",\"PrimaryEndPoint.Port\"]}}", environment[$"{name.ToUpperInvariant()}_PORT"]);
        var connection = EShop.SecretString(secrets[$"ConnectionStrings__{name}"]);
        Assert.Contains(address, connection);
        Assert.EndsWith(",ssl=true\"]]}", connection);
        Assert.StartsWith($"{{\"Fn::Join\":[\"\",[\"{scheme}://:{{{{resolve:secretsmanager:", EShop.SecretString(secrets[$"{name.ToUpperInvariant()}_URI"]));
    }

    [Fact]
    public void A_cache_without_a_password_gets_a_generated_auth_token()
    {
        var template = templates.TestProject;
        var (_, group) = template.Single("AWS::ElastiCache::ReplicationGroup", "Valkey");
        Assert.Contains("ValkeyAuthTokenSecret", group["AuthToken"]!.ToJsonString());
        var (tokenId, token) = template.Single("AWS::SecretsManager::Secret", "ValkeyAuthTokenSecret");
        Assert.True(token["GenerateSecretString"]!["ExcludePunctuation"]!.GetValue<bool>());
        Assert.Contains($",password={{{{resolve:secretsmanager:\",{{\"Ref\":\"{tokenId}\"}},\":SecretString:::}}}},ssl=true", template.SecretString(template.Variables("integrationservicea").Secrets["ConnectionStrings__valkey"]));
    }

    [Fact]
    public void RabbitMQ_is_an_Amazon_MQ_broker_reached_over_AMQPS_by_its_users_only()
    {
        var (_, broker) = EShop.Single("AWS::AmazonMQ::Broker", "Eventbus");
        Assert.Equal(("RABBITMQ", "CLUSTER_MULTI_AZ"), (broker["EngineType"]!.GetValue<string>(), broker["DeploymentMode"]!.GetValue<string>()));
        Assert.False(broker["PubliclyAccessible"]!.GetValue<bool>());
        Assert.True(broker["AutoMinorVersionUpgrade"]!.GetValue<bool>());
        Assert.All(broker["SubnetIds"]!.AsArray(), s => Assert.StartsWith("VpcDataSubnet", s!["Ref"]!.GetValue<string>()));
        var user = Assert.Single(broker["Users"]!.AsArray())!;
        Assert.Equal("admin", user["Username"]!.GetValue<string>());
        Assert.Contains("EventbusPasswordSecret", user["Password"]!.ToJsonString());

        var (environment, secrets) = EShop.Variables("basket-api");
        Assert.Equal(("admin", "5671"), (environment["EVENTBUS_USERNAME"], environment["EVENTBUS_PORT"]));
        Assert.Contains("AmqpEndpoints", environment["EVENTBUS_HOST"]);
        Assert.StartsWith("{\"Fn::Join\":[\"\",[\"https://\",", environment["EVENTBUS_MANAGEMENTURI"]);
        Assert.EndsWith("\":443\"]]}", environment["EVENTBUS_MANAGEMENTURI"]);
        foreach (var variable in new[] { "ConnectionStrings__eventbus", "EVENTBUS_URI" })
        {
            var value = EShop.SecretString(secrets[variable]);
            Assert.StartsWith("{\"Fn::Join\":[\"\",[\"amqps://admin:{{resolve:secretsmanager:", value);
            Assert.EndsWith("\":5671\"]]}", value);
        }
        Assert.Contains(EShop.OfType("AWS::EC2::SecurityGroupIngress"), r =>
            r.Id.StartsWith("EventbusSecurityGroupfrom", StringComparison.Ordinal) && r.Id.Contains("BasketApiSecurityGroup", StringComparison.Ordinal) && r.Properties["FromPort"]!.GetValue<int>() == 5671);
        Assert.DoesNotContain(EShop.OfType("AWS::EC2::SecurityGroupIngress"), r =>
            r.Id.StartsWith("EventbusSecurityGroupfrom", StringComparison.Ordinal) && r.Id.Contains("SeqSecurityGroup", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Mysql", "mysql", "8.4.11", "inventory", "InventoryApi", "INVENTORY")]
    [InlineData("Sqlserver", "sqlserver-se", "16.00.4265.3.v1", null, "OrdersApi", "ORDERS")]
    public void MySQL_and_SQL_Server_are_RDS_instances_of_the_same_shape_as_PostgreSQL(string id, string engine, string version, string? database, string user, string prefix)
    {
        var template = templates.Sql;
        var (_, instance) = template.Single("AWS::RDS::DBInstance", id);
        Assert.Equal((engine, version), (instance["Engine"]!.GetValue<string>(), instance["EngineVersion"]!.GetValue<string>()));
        Assert.True(instance["MultiAZ"]!.GetValue<bool>());
        Assert.True(instance["StorageEncrypted"]!.GetValue<bool>());
        Assert.Equal(7, instance["BackupRetentionPeriod"]!.GetValue<int>());
        Assert.True(instance["DeletionProtection"]!.GetValue<bool>());
        Assert.False(instance["PubliclyAccessible"]!.GetValue<bool>());
        Assert.Equal(database, instance["DBName"]?.GetValue<string>());
        // The image's superuser (root, sa) is reserved on RDS: admin, in every value that names it.
        Assert.Equal("admin", instance["MasterUsername"]!.GetValue<string>());
        var subnets = template.Resources[instance["DBSubnetGroupName"]!["Ref"]!.GetValue<string>()]!["Properties"]!["SubnetIds"]!.AsArray();
        Assert.All(subnets, s => Assert.StartsWith("VpcDataSubnet", s!["Ref"]!.GetValue<string>()));

        var workload = user == "InventoryApi" ? "inventory-api" : "orders-api";
        var (environment, secrets) = template.Variables(workload);
        Assert.Equal("admin", environment[$"{prefix}_USERNAME"]);
        var connection = template.SecretString(secrets[$"ConnectionStrings__{prefix.ToLowerInvariant()}"]);
        Assert.Contains(";User ID=admin;Password={{resolve:secretsmanager:", connection);
        Assert.Contains($"\"{id}", connection);
        Assert.Contains("user=admin", template.SecretString(secrets[$"{prefix}_JDBCCONNECTIONSTRING"]));
    }

    [Theory]
    [InlineData("eshop", "postgres", "pgvector/pgvector:pg17", "postgres", "PGPASSWORD", "identitydb orderingdb webhooksdb", "identity-api,catalog-api,ordering-api,order-processor,webhooks-api")]
    [InlineData("sql", "mysql", "mysql:9.4", "mysql", "MYSQL_PWD", "reviews", "inventory-api")]
    [InlineData("sql", "sqlserver", "mcr.microsoft.com/mssql/server:2022-latest", "mssql", "SQLCMDPASSWORD", "orders billing", "orders-api")]
    public void Databases_RDS_does_not_create_are_created_if_missing_before_their_users_start(string app, string server, string image, string user, string passwordVariable, string databases, string users)
    {
        var template = templates[app];
        var step = server + "-databases";
        var container = template.Container(step);
        Assert.EndsWith(image, container["Image"]!.GetValue<string>());
        Assert.Equal(user, container["User"]!.GetValue<string>());
        Assert.True(container["ReadonlyRootFilesystem"]!.GetValue<bool>());
        var (environment, secrets) = template.Variables(step);
        Assert.Equal(databases, environment["DATABASES"]);
        Assert.Contains(SynthesizedTemplate.Id(server), environment["DB_HOST"]);
        // The password from the server's secret, never a command line.
        Assert.StartsWith(SynthesizedTemplate.Id(server) + "PasswordSecret", secrets[passwordVariable]);
        Assert.DoesNotContain("secretsmanager", container["Command"]!.ToJsonString());

        var (runId, _) = Assert.Single(template.Resources.Where(r => r.Value!["Type"]!.GetValue<string>() == "Custom::RunOnce" && r.Key.StartsWith(SynthesizedTemplate.Id(step) + "Run", StringComparison.Ordinal)).Select(r => (r.Key, r.Value)));
        foreach (var workload in users.Split(','))
        {
            Assert.Contains(runId, template.DependsOn(template.Single("AWS::ECS::Service", SynthesizedTemplate.Id(workload) + "Service").Id));
        }
        Assert.Contains(template.OfType("AWS::EC2::SecurityGroupIngress"), r =>
            r.Id.StartsWith(SynthesizedTemplate.Id(server), StringComparison.Ordinal) && r.Id.Contains(SynthesizedTemplate.Id(step) + "SecurityGroup", StringComparison.Ordinal));
        Assert.Contains($"made by '{step}'", template.PlanLine(server));
    }

    [Fact]
    public void A_containers_volume_is_an_encrypted_backed_up_EFS_access_point_only_its_tasks_may_mount()
    {
        var (fileSystemId, fileSystem) = EShop.Single("AWS::EFS::FileSystem", "SeqFileSystem");
        Assert.True(fileSystem["Encrypted"]!.GetValue<bool>());
        Assert.Equal("ENABLED", fileSystem["BackupPolicy"]!["Status"]!.GetValue<string>());
        Assert.Equal("Retain", EShop.Resources[fileSystemId]!["DeletionPolicy"]!.GetValue<string>());
        Assert.All(EShop.OfType("AWS::EFS::MountTarget"), m => Assert.StartsWith("VpcTasksSubnet", m.Properties["SubnetId"]!["Ref"]!.GetValue<string>()));
        var (accessPointId, accessPoint) = Assert.Single(EShop.OfType("AWS::EFS::AccessPoint"));
        Assert.Equal("/eshop-apphost-0f8a1c2d3e-seq-data", accessPoint["RootDirectory"]!["Path"]!.GetValue<string>());

        var (_, task) = EShop.Single("AWS::ECS::TaskDefinition", "SeqTask");
        var volume = Assert.Single(task["Volumes"]!.AsArray())!;
        var efs = volume["EFSVolumeConfiguration"]!;
        Assert.Equal("ENABLED", efs["TransitEncryption"]!.GetValue<string>());
        Assert.Equal("ENABLED", efs["AuthorizationConfig"]!["IAM"]!.GetValue<string>());
        Assert.Contains(accessPointId, efs["AuthorizationConfig"]!["AccessPointId"]!.ToJsonString());
        var mount = Assert.Single(EShop.Container("seq")["MountPoints"]!.AsArray())!;
        Assert.Equal(("/data", volume["Name"]!.GetValue<string>()), (mount["ContainerPath"]!.GetValue<string>(), mount["SourceVolume"]!.GetValue<string>()));

        var nfs = EShop.OfType("AWS::EC2::SecurityGroupIngress").Where(r => r.Id.StartsWith("SeqFileSystemSecurityGroup", StringComparison.Ordinal)).ToList();
        var rule = Assert.Single(nfs);
        Assert.Equal(2049, rule.Properties["FromPort"]!.GetValue<int>());
        Assert.Contains("SeqSecurityGroup", rule.Properties["SourceSecurityGroupId"]!.ToJsonString());
        var efsActions = EShop.Statements(EShop.Single("AWS::IAM::Role", "SeqTaskTaskRole").Id).Where(s => s["Action"]!.ToJsonString().Contains("elasticfilesystem", StringComparison.Ordinal)).ToList();
        Assert.Equal(["elasticfilesystem:ClientMount", "elasticfilesystem:ClientRootAccess", "elasticfilesystem:ClientWrite"], SynthesizedTemplate.Values(Assert.Single(efsActions)["Action"]).Order());

        // One writer at a time, started after the mount targets exist.
        var (serviceId, service) = EShop.Single("AWS::ECS::Service", "SeqService");
        Assert.Equal(1, service["DesiredCount"]!.GetValue<int>());
        Assert.Equal((0, 100), (service["DeploymentConfiguration"]!["MinimumHealthyPercent"]!.GetValue<int>(), service["DeploymentConfiguration"]!["MaximumPercent"]!.GetValue<int>()));
        Assert.Contains(EShop.DependsOn(serviceId), d => d.StartsWith("SeqFileSystemEfsMountTarget", StringComparison.Ordinal));
    }

    [Fact]
    public void The_plan_is_printed_and_written_one_line_per_resource_with_settings_and_changes()
    {
        var line = EShop.PlanLine("postgres");

        Assert.Contains("RDS PostgreSQL 17 (the image asks for pg17: its major, whose newest minor RDS for PostgreSQL takes), Multi-AZ, db.t4g.medium", line);
        Assert.Contains("Settings: postgres.*.", line);
        Assert.Contains("'catalogdb' (made by RDS), 'identitydb' (made by 'postgres-databases')", line);
        Assert.Contains("added by the deployment", EShop.PlanLine("postgres-databases"));
        Assert.Contains("user 'guest' is refused by Amazon MQ: 'admin' instead", EShop.PlanLine("eventbus"));
        Assert.All(EShop.Result.Plan, l => Assert.DoesNotContain('\n', l));
    }
}
