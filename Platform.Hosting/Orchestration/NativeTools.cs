namespace Platform.Hosting.Orchestration;

/// <summary>Finds native tools once per run and explains, in one message, everything that is missing.</summary>
public sealed class NativeTools
{
    /// <summary>Puts every child in its own session and process group, so its whole tree can be stopped.</summary>
    public static readonly NativeTool Setsid = NativeTool.OnPath("setsid", "apt-get install -y util-linux");

    /// <summary>Drops root for servers that refuse to run as root.</summary>
    public static readonly NativeTool Setpriv = NativeTool.OnPath("setpriv", "apt-get install -y util-linux");

    public static readonly NativeTool Node = NativeTool.OnPath("node", "apt-get install -y nodejs npm");

    public static readonly NativeTool Npm = NativeTool.OnPath("npm", "apt-get install -y npm");

    private readonly Dictionary<NativeTool, string> _paths = [];

    public string PathOf(NativeTool tool) =>
        _paths.TryGetValue(tool, out var path)
            ? path
            : throw new InvalidOperationException($"Tool '{tool.Name}' was not declared by any resource before the run started.");

    /// <summary>Locates all <paramref name="tools"/>; throws one error that lists every missing one with its install command.</summary>
    public void Require(IEnumerable<NativeTool> tools)
    {
        var missing = new List<NativeTool>();
        foreach (var tool in tools.Distinct())
        {
            if (tool.Locate() is { } path)
            {
                _paths[tool] = path;
            }
            else
            {
                missing.Add(tool);
            }
        }
        if (missing.Count > 0)
        {
            throw new DistributedApplicationException(
                "Missing programs needed to run the application locally:" + Environment.NewLine +
                string.Join(Environment.NewLine, missing.Select(t => $"  - {t.Name}: install it with `{t.InstallCommand}`")));
        }
    }
}
