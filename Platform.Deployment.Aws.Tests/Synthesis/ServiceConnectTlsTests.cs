namespace Platform.Deployment.Aws.Tests.Synthesis;

/// <summary>With <c>serviceConnectTlsAuthorityArn</c>, Service Connect's proxies encrypt the traffic between tasks; addresses stay plain.</summary>
[Collection(SynthesisCollection.Name)]
public sealed class ServiceConnectTlsTests(SynthesizedTemplates templates)
{
    [Fact]
    public async Task Every_Service_Connect_service_gets_TLS_from_the_private_CA_through_an_infrastructure_role()
    {
        var template = templates["service-connect-tls"];

        foreach (var service in new[] { "ApiService", "WorkerService", "WebService" })
        {
            var tls = Assert.Single(template.Single("AWS::ECS::Service", service).Properties["ServiceConnectConfiguration"]!["Services"]!.AsArray())!["Tls"]!;
            Assert.Equal(SynthesizedTemplates.ServiceConnectAuthority, tls["IssuerCertificateAuthority"]!["AwsPcaAuthorityArn"]!.GetValue<string>());
            Assert.StartsWith("ServiceConnectTlsRole", tls["RoleArn"]!["Fn::GetAtt"]![0]!.GetValue<string>());
        }
        var (_, role) = template.Single("AWS::IAM::Role", "ServiceConnectTlsRole");
        Assert.Contains("service-role/AmazonECSInfrastructureRolePolicyForServiceConnectTransportLayerSecurity", role["ManagedPolicyArns"]!.ToJsonString());
        Assert.Equal("ecs.amazonaws.com", role["AssumeRolePolicyDocument"]!["Statement"]![0]!["Principal"]!["Service"]!.GetValue<string>());
        // The application still talks plain HTTP to its own proxy.
        Assert.Equal("http://api:8080", template.Variables("web").Environment["services__api__http__0"]);
        var schema = await ServiceSpec.ValidateAsync(template.Result.TemplatePath);
        Assert.True(schema.Findings.Length == 0, string.Join("\n", schema.Findings));
    }
}
