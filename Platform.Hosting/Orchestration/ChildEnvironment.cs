using System.Collections;

namespace Platform.Hosting.Orchestration;

/// <summary>
/// The environment of a child process: the few variables of the AppHost's own that any program needs (where programs
/// and the .NET runtime are, language, time zone, the temporary folder, trusted certificates), then the resource's own.
/// Nothing else passes: what the AppHost was given (AWS credentials, <c>Parameters__*</c>, connection strings, the
/// launch profile's URLs) is not meant for PostgreSQL, Redis or npm's install scripts.
/// </summary>
internal static class ChildEnvironment
{
    private static readonly HashSet<string> Inherited = new(StringComparer.Ordinal)
    {
        "PATH", "LANG", "LANGUAGE", "TZ", "TMPDIR", "HOME", "USER", "LOGNAME",
        "DOTNET_ROOT", "DOTNET_ROOT_X64", "DOTNET_ROOT_ARM64", "SSL_CERT_FILE", "SSL_CERT_DIR",
    };

    public static Dictionary<string, string> For(ProcessSpec spec, ServiceAccount? account, IDictionary appHostEnvironment)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in appHostEnvironment)
        {
            if (entry is { Key: string name, Value: string value } && (Inherited.Contains(name) || name.StartsWith("LC_", StringComparison.Ordinal)))
            {
                environment[name] = value;
            }
        }
        if (account is not null)
        {
            environment["HOME"] = account.Home;
            environment["USER"] = environment["LOGNAME"] = account.Name;
        }
        foreach (var (name, value) in spec.Environment)
        {
            environment[name] = value;
        }
        return environment;
    }
}
