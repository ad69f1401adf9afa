namespace Platform.Deployment.Aws.Fargate;

/// <summary>
/// A port a workload's container listens on, with the bindings it serves. Aspire gives a project an <c>http</c> and an
/// <c>https</c> binding on the same plain port (<c>HTTP_PORTS</c>): one port serves both, behind one port mapping and
/// one Service Connect name. <see cref="PublicPort"/> is the listener port of an external port other than the first,
/// which is served on 443 (80 with <c>allowPlainHttp</c>). <see cref="Tls"/>: the container itself serves TLS there (an
/// https binding with a target port of its own, such as a container's 8443), so traffic to it stays encrypted.
/// </summary>
internal sealed record ServicePort(string Name, int Port, string Transport, IReadOnlyList<string> Bindings, bool External, int? PublicPort, bool Tls = false)
{
    /// <summary>The scheme of a binding's address inside the VPC: a project's https binding is its plain port (TLS ends at the load balancer).</summary>
    public string InternalScheme(string scheme) => scheme == "https" && !Tls ? "http" : scheme;
}
