namespace Platform.Hosting.Orchestration;

/// <summary>A binary the local run needs, how to find it, and the command that installs it.</summary>
public sealed record NativeTool(string Name, string InstallCommand, Func<string?> Locate)
{
    public static NativeTool OnPath(string name, string installCommand) => new(name, installCommand, () => FindOnPath(name));

    public static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
