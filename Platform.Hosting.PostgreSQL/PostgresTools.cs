using Platform.Hosting.Processes;

namespace Platform.Hosting.PostgreSQL;

/// <summary>Finds the PostgreSQL server binaries (14 or newer): Debian keeps them off PATH, in /usr/lib/postgresql/N/bin.</summary>
internal static class PostgresTools
{
    /// <summary>Set <c>PLATFORM_POSTGRES_BIN</c> to a folder with <c>postgres</c> and <c>initdb</c> to choose an installation.</summary>
    public static readonly NativeTool Server = new("postgres (PostgreSQL 14 or newer: postgres, initdb, pg_basebackup)", "apt-get install -y postgresql", Locate);

    /// <summary>Another program of the same installation (<c>initdb</c>, <c>pg_basebackup</c>).</summary>
    public static string Binary(string name) => Path.Combine(Path.GetDirectoryName(Server.Path)!, name);

    private static string? Locate()
    {
        // An explicit choice is the only candidate: a wrong one must not silently fall back to another install.
        if (Environment.GetEnvironmentVariable("PLATFORM_POSTGRES_BIN") is { Length: > 0 } chosen)
        {
            return ServerIn(chosen);
        }
        var candidates = new List<string?>();
        foreach (var root in new[] { "/usr/lib/postgresql", "/usr/local/pgsql" }.Where(Directory.Exists))
        {
            candidates.AddRange(Directory.GetDirectories(root)
                .Select(d => (Directory: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(d => d.Version >= 14)
                .OrderByDescending(d => d.Version)
                .Select(d => Path.Combine(d.Directory, "bin")));
        }
        candidates.Add(Path.GetDirectoryName(NativeTool.FindOnPath("postgres")));
        return candidates.OfType<string>().Select(ServerIn).FirstOrDefault(path => path is not null);
    }

    private static string? ServerIn(string directory) =>
        File.Exists(Path.Combine(directory, "postgres")) && File.Exists(Path.Combine(directory, "initdb")) ? Path.Combine(directory, "postgres") : null;
}
