namespace Platform.Deployment.Aws.Settings;

/// <summary>The values of <c>deploymentStrategy</c>.</summary>
public static class DeploymentStrategies
{
    public const string BlueGreen = "blueGreen";
    public const string Rolling = "rolling";

    public static IReadOnlyList<string> All { get; } = [BlueGreen, Rolling];
}
