using Aspire.Hosting.ApplicationModel;

namespace Platform.Deployment.Aws.Publishing;

/// <summary>The AWS ECS deployment target of an AppHost: what <c>aspire publish</c> and <c>aspire deploy</c> produce for
/// it, sized by the settings file <see cref="SettingsPath"/> (absent: the defaults). It has no process of its own.</summary>
public sealed class AwsEcsEnvironmentResource(string name, string settingsPath) : Resource(name)
{
    public string SettingsPath { get; } = settingsPath;
}
