namespace Platform.Deployment.Aws.Versions;

/// <summary>The engine version a managed service is asked for, and in words what the manifest asked and why this was chosen.</summary>
internal sealed record EngineVersionChoice(string Version, string Why)
{
    /// <summary>As the plan prints it: <c>18 (the image asks for 18.3: its major, whose newest minor RDS takes)</c>.</summary>
    public override string ToString() => $"{Version} ({Why})";
}
