namespace Platform.Hosting.ApplicationModel;

public enum WaitType
{
    /// <summary>Wait until the resource is healthy.</summary>
    WaitUntilHealthy,

    /// <summary>Wait until the resource has run to completion with exit code 0.</summary>
    WaitForCompletion,
}
