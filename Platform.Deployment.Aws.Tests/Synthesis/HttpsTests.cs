using System.Text.Json.Nodes;

namespace Platform.Deployment.Aws.Tests.Synthesis;

/// <summary>Point 1: external services answer HTTPS with a managed certificate under their name; port 80 redirects.</summary>
[Collection(SynthesisCollection.Name)]
public sealed class HttpsTests(SynthesizedTemplates templates)
{
    private SynthesizedTemplate Template => templates.Platform;

    [Theory]
    [InlineData("api")]
    [InlineData("web")]
    public void An_external_service_answers_HTTPS_on_443_with_a_DNS_validated_certificate_and_port_80_redirects(string name)
    {
        var id = SynthesizedTemplate.Id(name);
        var (balancerId, _) = Template.Single("AWS::ElasticLoadBalancingV2::LoadBalancer", id + "LoadBalancer");
        var listeners = Listeners(Template, balancerId);

        var https = Assert.Single(listeners, l => l["Port"]!.GetValue<int>() == 443);
        Assert.Equal("HTTPS", https["Protocol"]!.GetValue<string>());
        Assert.Equal("ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09", https["SslPolicy"]!.GetValue<string>());
        var certificateId = Assert.Single(https["Certificates"]!.AsArray())!["CertificateArn"]!["Ref"]!.GetValue<string>();
        var certificate = Template.Resources[certificateId]!;
        Assert.Equal("AWS::CertificateManager::Certificate", certificate["Type"]!.GetValue<string>());
        Assert.Equal($"{name}.example.com", certificate["Properties"]!["DomainName"]!.GetValue<string>());
        Assert.Equal("DNS", certificate["Properties"]!["ValidationMethod"]!.GetValue<string>());
        Assert.Equal("Z0123456789EXAMPLE", certificate["Properties"]!["DomainValidationOptions"]![0]!["HostedZoneId"]!.GetValue<string>());

        var plain = Assert.Single(listeners, l => l["Port"]!.GetValue<int>() == 80);
        var redirect = Assert.Single(plain["DefaultActions"]!.AsArray())!;
        Assert.Equal("redirect", redirect["Type"]!.GetValue<string>());
        Assert.Equal("HTTPS", redirect["RedirectConfig"]!["Protocol"]!.GetValue<string>());
        Assert.Equal("443", redirect["RedirectConfig"]!["Port"]!.GetValue<string>());
        Assert.Equal("HTTP_301", redirect["RedirectConfig"]!["StatusCode"]!.GetValue<string>());
        // Nothing is served unencrypted: every other listener is HTTPS.
        Assert.All(listeners.Where(l => l != plain), l => Assert.Equal("HTTPS", l["Protocol"]!.GetValue<string>()));

        var alias = Assert.Single(Template.OfType("AWS::Route53::RecordSet"), r => r.Properties["Name"]!.GetValue<string>() == $"{name}.example.com.").Properties;
        Assert.Equal("A", alias["Type"]!.GetValue<string>());
        Assert.Equal("Z0123456789EXAMPLE", alias["HostedZoneId"]!.GetValue<string>());
        Assert.Contains(balancerId, alias["AliasTarget"]!["DNSName"]!.ToJsonString());
        Assert.Equal($"https://{name}.example.com", Template.Json["Outputs"]!.AsObject().Single(o => o.Key.StartsWith(id + "Url", StringComparison.Ordinal)).Value!["Value"]!.GetValue<string>());
        Assert.Empty(templates.Platform.Result.Warnings);
    }

    [Fact]
    public void A_given_certificate_serves_every_HTTPS_listener_and_no_certificate_or_record_is_made()
    {
        var template = templates.Release;
        var https = template.OfType("AWS::ElasticLoadBalancingV2::Listener").Where(l => l.Properties["Protocol"]!.GetValue<string>() == "HTTPS").ToList();

        Assert.Equal(6, https.Count); // production and test listener of api, web and identity
        Assert.All(https, l => Assert.Equal(SynthesizedTemplates.CertificateArn, l.Properties["Certificates"]![0]!["CertificateArn"]!.GetValue<string>()));
        Assert.Empty(template.OfType("AWS::CertificateManager::Certificate"));
        Assert.Empty(template.OfType("AWS::Route53::RecordSet"));
    }

    [Fact]
    public void Plain_HTTP_chosen_on_purpose_is_said_in_one_line_and_served_on_port_80()
    {
        var template = templates.PlainHttp;

        var warning = Assert.Single(template.Result.Warnings);
        Assert.DoesNotContain('\n', warning);
        Assert.Contains("unencrypted", warning);
        Assert.Contains("api, web", warning);
        Assert.Empty(template.OfType("AWS::CertificateManager::Certificate"));
        var (balancerId, _) = template.Single("AWS::ElasticLoadBalancingV2::LoadBalancer", "ApiLoadBalancer");
        var production = Assert.Single(Listeners(template, balancerId), l => l["Port"]!.GetValue<int>() == 80);
        Assert.Equal("HTTP", production["Protocol"]!.GetValue<string>());
        Assert.Equal("forward", production["DefaultActions"]![0]!["Type"]!.GetValue<string>());
    }

    internal static List<JsonObject> Listeners(SynthesizedTemplate template, string balancerId) =>
        [.. template.OfType("AWS::ElasticLoadBalancingV2::Listener").Where(l => l.Properties["LoadBalancerArn"]!["Ref"]!.GetValue<string>() == balancerId).Select(l => l.Properties)];
}
