using Platform.Deployment.Aws;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Deployment;

/// <summary>
/// The identity provider of the project's own graph in the cloud: its database made on the same RDS instance before
/// its users start, tokens that name its public HTTPS address as their issuer, web's public address as where it sends
/// people back, and the same graph trusting an existing provider instead (the settings' <c>externalServices</c>).
/// </summary>
public sealed class IdentityDeploymentTests
{
    private const string Cognito = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Example";

    [Fact]
    public void The_identity_database_is_created_on_the_platform_server_before_its_users_start()
    {
        var template = SynthesizedTemplate.Synthesize(Repository.ManifestPath, Path.Combine(Repository.Root, "ecs-settings.json"));
        try
        {
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
        finally
        {
            template.Delete();
        }
    }

    [Fact]
    public void Tokens_name_the_public_HTTPS_address_and_services_read_the_metadata_inside_the_VPC()
    {
        var template = SynthesizedTemplate.Synthesize(Repository.ManifestPath, Path.Combine(Repository.Root, "ecs-settings.json"));
        try
        {
            Assert.Equal("https://identity.example.com:443", template.Variables("identity").Environment["Identity__Issuer"]);
            Assert.Equal("https://web.example.com:443", template.Variables("identity-setup").Environment["Identity__Setup__WebClientUrls__0"]);
            foreach (var service in new[] { "api", "web" })
            {
                Assert.Equal("http://identity:8080", template.Variables(service).Environment["services__identity__http__0"]);
            }
            Assert.Contains("identity.example.com", template.PlanLine("identity"), StringComparison.Ordinal);
        }
        finally
        {
            template.Delete();
        }
    }

    [Fact]
    public void An_existing_provider_replaces_identity_for_api_and_web_and_identity_is_not_deployed()
    {
        var template = SynthesizedTemplate.WithSettings(Settings(skip: """["identity-setup"]"""));
        try
        {
            foreach (var service in new[] { "api", "web" })
            {
                Assert.Equal(Cognito, template.Variables(service).Environment["services__identity__http__0"]);
            }
            Assert.DoesNotContain(template.OfType("AWS::ECS::Service"), s => s.Id.StartsWith("IdentityService", StringComparison.Ordinal));
            Assert.DoesNotContain(template.OfType("AWS::ECS::TaskDefinition"), t => t.Id.StartsWith("Identity", StringComparison.Ordinal));
            Assert.Contains(Cognito, template.PlanLine("identity"), StringComparison.Ordinal);
            Assert.Contains("skip", template.PlanLine("identity-setup"), StringComparison.Ordinal);
        }
        finally
        {
            template.Delete();
        }
    }

    [Fact]
    public void An_existing_provider_must_be_https_and_its_setup_step_skipped()
    {
        var setupKept = Assert.Throws<DeploymentException>(() => SynthesizedTemplate.WithSettings(Settings(skip: "[]")));
        Assert.Contains("'identity-setup' prepares 'identity', which runs outside the stack (externalServices): list 'identity-setup' in the settings' skip", setupKept.Message, StringComparison.Ordinal);

        var plain = Assert.Throws<DeploymentException>(() => SynthesizedTemplate.WithSettings(Settings(skip: """["identity-setup"]""", address: "http://login.example.com/")));
        Assert.Contains("externalServices.identity must be an https address", plain.Message, StringComparison.Ordinal);

        var unknown = Assert.Throws<DeploymentException>(() => SynthesizedTemplate.WithSettings(
            """{ "domain": "example.com", "hostedZoneId": "Z0123456789EXAMPLE", "externalServices": { "login": "https://login.example.com/" } }"""));
        Assert.Contains("'login' is in the settings' externalServices but is not a service with bindings in the manifest", unknown.Message, StringComparison.Ordinal);
    }

    private static string Settings(string skip, string address = Cognito) =>
        $$"""{ "domain": "example.com", "hostedZoneId": "Z0123456789EXAMPLE", "skip": {{skip}}, "externalServices": { "identity": "{{address}}" } }""";
}
