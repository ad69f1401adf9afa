using Platform.Hosting.Orchestration;

namespace Platform.Hosting.Postgres;

/// <summary>Finds the PostgreSQL server binaries (14 or newer): Debian keeps them off PATH, in /usr/lib/postgresql/N/bin.</summary>
internal static class PostgresTools
{
    public static readonly NativeTool Server = new("postgres (PostgreSQL 14 or newer: postgres, initdb, pg_basebackup)", "apt-get install -y postgresql", Locate);

    public static string Binary(LocalRunContext context, string name) =>
        Path.Combine(Path.GetDirectoryName(context.Tools.PathOf(Server))!, name);

    private static string? Locate()
    {
        var candidates = new List<string?> { Environment.GetEnvironmentVariable("PLATFORM_POSTGRES_BIN") };
        foreach (var root in new[] { "/usr/lib/postgresql", "/usr/local/pgsql" }.Where(Directory.Exists))
        {
            candidates.AddRange(Directory.GetDirectories(root)
                .Select(d => (Directory: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(d => d.Version >= 14)
                .OrderByDescending(d => d.Version)
                .Select(d => Path.Combine(d.Directory, "bin")));
        }
        candidates.Add(Path.GetDirectoryName(NativeTool.FindOnPath("postgres")));
        return candidates
            .Where(directory => directory is not null)
            .Select(directory => Path.Combine(directory!, "postgres"))
            .FirstOrDefault(path => File.Exists(path) && File.Exists(Path.Combine(Path.GetDirectoryName(path)!, "initdb")));
    }
}
