using Platform.Deployment.Aws.Plan;
using Platform.Deployment.Aws.Fargate;
using Platform.Manifest;

namespace Platform.Deployment.Aws.Tests.Plan;

/// <summary>Which port serves which bindings, and what scheme their addresses carry inside the VPC.</summary>
[Trait("Tier", "Fast")]
public sealed class ServicePortTests
{
    [Fact]
    public void A_projects_http_and_https_bindings_are_one_plain_port()
    {
        var port = Assert.Single(ServicePorts.Of(Workload(new ManifestProject("api", ManifestTypes.Project, "api.csproj"), Binding("http", null), Binding("https", null)), 8080));

        Assert.Equal((8080, "http", false), (port.Port, port.Name, port.Tls));
        Assert.Equal(["http", "https"], port.Bindings);
        Assert.Equal("http", port.InternalScheme("https"));
    }

    [Fact]
    public void A_containers_https_binding_on_a_port_of_its_own_is_TLS_served_by_the_container()
    {
        var ports = ServicePorts.Of(Workload(new ManifestContainer("idp", ManifestTypes.Container, "example/idp:1"), Binding("http", 8080), Binding("https", 8443)), 8080);

        Assert.Equal([(8080, false), (8443, true)], ports.Select(p => (p.Port, p.Tls)));
        Assert.Equal("https", ports[1].InternalScheme("https"));
        Assert.Equal(8443, ports[1].PublicPort);
    }

    private static Workload Workload(ManifestWorkload resource, params (string Name, ManifestBinding Binding)[] bindings) =>
        new(resource with { Bindings = bindings.ToDictionary(b => b.Name, b => b.Binding) }, null, null);

    private static (string, ManifestBinding) Binding(string scheme, int? targetPort) =>
        (scheme, new ManifestBinding(scheme, "tcp", "http", null, targetPort, External: true));
}
