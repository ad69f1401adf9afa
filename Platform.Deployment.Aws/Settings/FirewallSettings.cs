namespace Platform.Deployment.Aws.Settings;

/// <summary>The web application firewall in front of every load balancer.</summary>
public sealed record FirewallSettings
{
    /// <summary>Requests one client IP may make in 5 minutes before it is blocked (AWS WAF's minimum is 10).</summary>
    public int RateLimitPerIp { get; init; } = 2000;

    /// <summary>
    /// The routes that take uploads (POST, path prefix): their bodies are not inspected, since AWS WAF sees only the
    /// first 8 KB of a body behind a load balancer and its body rules would block any larger upload.
    /// </summary>
    public IReadOnlyList<string> UploadPaths { get; init; } = ["/api/assets", "/uploads"];
}
