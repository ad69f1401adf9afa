using System.Collections;

namespace Platform.Hosting.Processes;

/// <summary>
/// What of the AppHost's own environment reaches the processes it starts: the few variables any program needs (where
/// programs and the .NET runtime are, language, time zone, the temporary folder, trusted certificates, npm's registry and
/// proxy), and Aspire's and DCP's own settings. Nothing else passes: what the AppHost was given (AWS credentials,
/// <c>Parameters__*</c>, connection strings, its launch profile's environment) is not meant for PostgreSQL, Redis, npm's
/// install scripts or the services, which get what the graph gives them.
/// </summary>
internal static class ChildEnvironment
{
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "PATH", "LANG", "LANGUAGE", "TZ", "TMPDIR", "HOME", "USER", "LOGNAME", "TERM",
        "DOTNET_ROOT", "DOTNET_ROOT_X64", "DOTNET_ROOT_ARM64", "DOTNET_HOST_PATH", "SSL_CERT_FILE", "SSL_CERT_DIR",
        "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "no_proxy",
    };

    private static readonly string[] Prefixes = ["LC_", "npm_config_", "ASPIRE_", "DCP_", "DEBUG_SESSION_"];

    public static bool IsInherited(string name) =>
        Names.Contains(name) || Prefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>Removes every other variable from this process's environment, so that DCP, started after this, and every
    /// process it starts inherit only these. Returns the names removed.</summary>
    public static IReadOnlyList<string> RestrictCurrentProcess()
    {
        var removed = Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(name => !IsInherited(name)).ToList();
        foreach (var name in removed)
        {
            Environment.SetEnvironmentVariable(name, null);
        }
        return removed;
    }

    /// <summary>This process's inheritable variables, for a command the AppHost runs itself (initdb, npm ci).</summary>
    public static Dictionary<string, string> Inherited() =>
        Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .Where(e => IsInherited((string)e.Key))
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "", StringComparer.Ordinal);
}
