namespace Platform.Hosting.Orchestration;

/// <summary>The names of the commands every local resource has, as Aspire names them.</summary>
public static class KnownResourceCommands
{
    public const string StartCommand = "resource-start";
    public const string StopCommand = "resource-stop";
    public const string RestartCommand = "resource-restart";

    public static IReadOnlyList<string> All { get; } = [StartCommand, StopCommand, RestartCommand];
}
