namespace Platform.Hosting.Orchestration;

/// <summary>State names, as Aspire shows them (plus <see cref="Restarting"/>).</summary>
public static class KnownResourceStates
{
    public const string NotStarted = "NotStarted";
    public const string Waiting = "Waiting";
    public const string Starting = "Starting";
    public const string Running = "Running";
    public const string Restarting = "Restarting";
    public const string Stopping = "Stopping";
    public const string Exited = "Exited";
    public const string Finished = "Finished";
    public const string FailedToStart = "FailedToStart";

    /// <summary>States after which the resource does nothing more until it is started again.</summary>
    public static bool IsTerminal(string state) => state is Exited or Finished or FailedToStart;
}
