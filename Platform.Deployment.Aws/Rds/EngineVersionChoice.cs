namespace Platform.Deployment.Aws.Rds;

/// <summary>The engine version a managed service runs; <see cref="Substituted"/> says why it is not the image's, when it is not.</summary>
internal sealed record EngineVersionChoice(string? Version, string? Substituted = null);
