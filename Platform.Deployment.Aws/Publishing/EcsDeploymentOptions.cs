namespace Platform.Deployment.Aws.Publishing;

/// <summary>Where the AppHost keeps its deployment settings (an absolute path, or null for the defaults).</summary>
public sealed record EcsDeploymentOptions(string? SettingsPath);
