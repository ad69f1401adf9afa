using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Platform.Deployment.Aws.Tests.Synthesis;

/// <summary>
/// Each task sends only what it uses: HTTPS out through the NAT (images, secrets, logs, telemetry, S3, services' public
/// names), each data service's and service's port to exactly that server's security group, and a server outside the
/// stack's port. The worker, which parses untrusted uploads, reaches its database and cache and nothing else in the VPC.
/// </summary>
[Collection(SynthesisCollection.Name)]
public sealed partial class EgressTests(SynthesizedTemplates templates)
{
    private const string Https = "443 to 0.0.0.0/0";

    [Theory]
    [InlineData("worker", new[] { Https, "5432 to PgSecurityGroup", "6379 to CacheSecurityGroup" })]
    [InlineData("api", new[] { Https, "5432 to PgSecurityGroup", "5432 to PgReplicaSecurityGroup", "6379 to CacheSecurityGroup", "8080 to IdentitySecurityGroup" })]
    [InlineData("web", new[] { Https, "6379 to CacheSecurityGroup", "8080 to ApiSecurityGroup", "8080 to IdentitySecurityGroup" })]
    [InlineData("identity", new[] { Https, "5432 to PgSecurityGroup" })]
    // Given the analytics login to create its role, whose address is the replica's.
    [InlineData("migrations", new[] { Https, "5432 to PgSecurityGroup", "5432 to PgReplicaSecurityGroup" })]
    [InlineData("identity-setup", new[] { Https, "5432 to PgSecurityGroup" })]
    [InlineData("pg-databases", new[] { Https, "5432 to PgSecurityGroup" })]
    public void A_task_sends_https_and_to_the_ports_of_the_servers_it_uses_only(string workload, string[] expected)
    {
        Assert.Equal(expected.Order(), Egress(templates.Platform, workload));
    }

    [Fact]
    public void A_task_reaches_a_server_outside_the_stack_on_the_port_given_at_deployment()
    {
        Assert.Equal(new[] { Https, "{\"Ref\":\"SqlTcpPort\"} to 0.0.0.0/0" }.Order(), Egress(templates.ParameterEndToEnd, "api"));
    }

    /// <summary>The egress rules of <paramref name="workload"/>'s security group: port and destination (a CIDR, or a security group without its hash).</summary>
    internal static List<string> Egress(SynthesizedTemplate template, string workload)
    {
        var (id, group) = template.Single("AWS::EC2::SecurityGroup", SynthesizedTemplate.Id(workload) + "SecurityGroup");
        Assert.NotEqual(JsonValue.Create(true), group["SecurityGroupEgress"]); // closed by default
        var inline = (group["SecurityGroupEgress"] as JsonArray ?? []).Select(r => $"{Port(r!["FromPort"])} to {r!["CidrIp"]}");
        var separate = template.OfType("AWS::EC2::SecurityGroupEgress")
            .Where(r => r.Properties["GroupId"]!["Fn::GetAtt"]![0]!.GetValue<string>() == id)
            .Select(r => $"{Port(r.Properties["FromPort"])} to {r.Properties["CidrIp"] ?? Hash().Replace(r.Properties["DestinationSecurityGroupId"]!["Fn::GetAtt"]![0]!.GetValue<string>(), "")}");
        return [.. inline.Concat(separate).Order()];
    }

    private static string Port(JsonNode? port) => port is JsonValue value ? value.ToString() : port!.ToJsonString();

    [GeneratedRegex("[0-9A-F]{8}$")]
    private static partial Regex Hash();
}
