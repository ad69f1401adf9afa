namespace Platform.Deployment.Aws.Tests.Synthesis;

/// <summary>
/// The identity provider of the project's own graph in the cloud: its database made on the same RDS instance before
/// its users start, tokens that name its public HTTPS address as their issuer, web's public address as where it sends
/// people back, and the same graph trusting an existing provider instead (the settings' <c>externalServices</c>).
/// </summary>
[Collection(SynthesisCollection.Name)]
public sealed class IdentityDeploymentTests(SynthesizedTemplates templates)
{
    [Fact]
    public void The_identity_database_is_created_on_the_platform_server_before_its_users_start()
    {
        var template = templates.Platform;

        // RDS creates platformdb (its DBName cannot change without replacing the instance); the step makes identitydb.
        Assert.Equal("platformdb", template.Single("AWS::RDS::DBInstance", "Pg").Properties["DBName"]!.GetValue<string>());
        Assert.Equal("identitydb", template.Variables("pg-databases").Environment["DATABASES"]);
        var runs = template.Resources.Where(r => r.Value!["Type"]!.GetValue<string>() == "Custom::RunOnce").Select(r => r.Key).ToList();
        var step = Assert.Single(runs, r => r.StartsWith("PgDatabasesRun", StringComparison.Ordinal));
        var setup = Assert.Single(runs, r => r.StartsWith("IdentitySetupRun", StringComparison.Ordinal));
        Assert.Contains(step, template.DependsOn(setup));
        Assert.Contains(setup, template.DependsOn(template.Single("AWS::ECS::Service", "IdentityService").Id));
        // web does not use the database: it does not wait for the step.
        Assert.DoesNotContain(step, template.DependsOn(template.Single("AWS::ECS::Service", "WebService").Id));
    }

    [Fact]
    public void Tokens_name_the_public_HTTPS_address_and_services_read_the_metadata_inside_the_VPC()
    {
        var template = templates.Platform;

        Assert.Equal("https://identity.example.com:443", template.Variables("identity").Environment["Identity__Issuer"]);
        Assert.Equal("https://web.example.com:443", template.Variables("identity-setup").Environment["Identity__Setup__WebClientUrls__0"]);
        foreach (var service in new[] { "api", "web" })
        {
            Assert.Equal("http://identity:8080", template.Variables(service).Environment["services__identity__http__0"]);
        }
        Assert.Contains("identity.example.com", template.PlanLine("identity"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_existing_provider_replaces_identity_for_api_and_web_and_identity_is_not_deployed()
    {
        var template = templates["existing-identity-provider"];

        foreach (var service in new[] { "api", "web" })
        {
            Assert.Equal(SynthesizedTemplates.ExistingProvider, template.Variables(service).Environment["services__identity__http__0"]);
        }
        Assert.DoesNotContain(template.OfType("AWS::ECS::Service"), s => s.Id.StartsWith("IdentityService", StringComparison.Ordinal));
        Assert.DoesNotContain(template.OfType("AWS::ECS::TaskDefinition"), t => t.Id.StartsWith("Identity", StringComparison.Ordinal));
        Assert.Contains(SynthesizedTemplates.ExistingProvider, template.PlanLine("identity"), StringComparison.Ordinal);
        Assert.Contains("skip", template.PlanLine("identity-setup"), StringComparison.Ordinal);
    }
}
