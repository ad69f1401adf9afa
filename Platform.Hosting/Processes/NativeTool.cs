namespace Platform.Hosting.Processes;

/// <summary>A program the local run needs, how to find it, and the command that installs it.</summary>
public sealed record NativeTool(string Name, string InstallCommand, Func<string?> Locate)
{
    public static readonly NativeTool Node = OnPath("node", "apt-get install -y nodejs npm");

    public static readonly NativeTool Npm = OnPath("npm", "apt-get install -y npm");

    /// <summary>Drops root for the children of an AppHost that runs as root.</summary>
    public static readonly NativeTool Setpriv = OnPath("setpriv", "apt-get install -y util-linux");

    public static NativeTool OnPath(string name, string installCommand) => new(name, installCommand, () => FindOnPath(name));

    /// <summary>The program's path; throws, naming it and its install command, when it is missing.</summary>
    public string Path => Locate() ?? throw new Aspire.Hosting.DistributedApplicationException(MissingMessage([this]));

    public static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin")
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => System.IO.Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);

    /// <summary>One message for everything missing, each with the command that installs it.</summary>
    public static string MissingMessage(IEnumerable<NativeTool> missing) =>
        "Missing programs needed to run the application locally:" + Environment.NewLine +
        string.Join(Environment.NewLine, missing.Select(t => $"  - {t.Name}: install it with `{t.InstallCommand}`"));
}
