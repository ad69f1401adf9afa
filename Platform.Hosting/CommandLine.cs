namespace Platform.Hosting;

/// <summary>Maps the AppHost's switches (Aspire's, plus ours) onto configuration keys.</summary>
internal static class CommandLine
{
    private static readonly Dictionary<string, string> Switches = new(StringComparer.Ordinal)
    {
        ["--publisher"] = "Publishing:Publisher",
        ["--output-path"] = "Publishing:OutputPath",
        ["--data-dir"] = "Platform:DataDirectory",
    };

    private static readonly Dictionary<string, string> Flags = new(StringComparer.Ordinal)
    {
        ["--fresh"] = "Platform:Fresh",
    };

    public static string[] Normalize(string[] args)
    {
        var normalized = new List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            var parts = args[i].Split('=', 2);
            var (name, inlineValue) = (parts[0], parts.Length == 2 ? parts[1] : null);
            if (Flags.TryGetValue(name, out var flagKey))
            {
                normalized.Add($"--{flagKey}={inlineValue ?? "true"}");
            }
            else if (Switches.TryGetValue(name, out var key))
            {
                var value = inlineValue
                    ?? (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null)
                    ?? throw new DistributedApplicationException($"The option '{name}' needs a value, for example: {name} <value>.");
                normalized.Add($"--{key}={value}");
            }
            else
            {
                normalized.Add(args[i]);
            }
        }
        return [.. normalized];
    }
}
