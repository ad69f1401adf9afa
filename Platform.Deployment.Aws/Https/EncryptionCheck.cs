using Platform.Deployment.Aws.Plan;
using Platform.Deployment.Aws.Settings;

namespace Platform.Deployment.Aws.Https;

/// <summary>External services are served over HTTPS, unless the settings say on purpose that they are not.</summary>
internal static class EncryptionCheck
{
    /// <summary>Throws when external services would be served without TLS by accident; returns the warning when on purpose.</summary>
    public static string? Check(DeploymentSettings settings, DeploymentPlan plan)
    {
        var external = plan.Services.Where(s => s.Resource.Bindings.Values.Any(b => b.External)).Select(s => s.Name).ToList();
        if (external.Count == 0 || settings.Https)
        {
            return null;
        }
        var names = string.Join(", ", external);
        return settings.AllowPlainHttp
            ? $"Warning: allowPlainHttp is set, so {names} are served over plain HTTP: their traffic is unencrypted."
            : throw new DeploymentException(
                $"{names} would be served over plain HTTP: set domain (with hostedZoneId) or certificateArn in the deployment settings for HTTPS, or allowPlainHttp: true to serve unencrypted traffic on purpose.");
    }
}
