using Platform.Deployment.Aws.Settings;

namespace Platform.Deployment.Aws.Https;

/// <summary>The public name of an external service under the settings' domain: <c>api.example.com</c>, or its <c>hostName</c>.</summary>
internal static class ServiceNames
{
    public static string? Of(DeploymentSettings settings, string resource) =>
        settings.Domain is { } domain ? $"{settings.For(resource).HostName ?? resource}.{domain}" : null;
}
