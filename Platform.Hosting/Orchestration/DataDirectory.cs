namespace Platform.Hosting.Orchestration;

/// <summary>The one folder that holds a run's state, kept between runs like Aspire's data volumes.</summary>
internal static class DataDirectory
{
    public static void Prepare(LocalRunOptions options, string? serviceUser)
    {
        if (options.Fresh && Directory.Exists(options.DataDirectory))
        {
            Directory.Delete(options.DataDirectory, recursive: true);
        }
        Directory.CreateDirectory(options.DataDirectory);
        Directory.CreateDirectory(options.ToolsDirectory);
        if (serviceUser is not null)
        {
            // The service user must be able to reach its own folders inside; what it may read stays owner-only.
            File.SetUnixFileMode(options.DataDirectory,
                File.GetUnixFileMode(options.DataDirectory) | UnixFileMode.OtherExecute | UnixFileMode.GroupExecute);
            var unreachable = Ancestors(options.DataDirectory).FirstOrDefault(d => !File.GetUnixFileMode(d).HasFlag(UnixFileMode.OtherExecute));
            if (unreachable is not null)
            {
                throw new DistributedApplicationException(
                    $"The data folder '{options.DataDirectory}' is inside '{unreachable}', which user '{serviceUser}' cannot enter. " +
                    "PostgreSQL runs as that user because the AppHost runs as root. " +
                    $"Fix: `chmod o+x {unreachable}`, or choose another folder with --data-dir <path>.");
            }
        }
    }

    private static IEnumerable<string> Ancestors(string path)
    {
        for (var directory = Path.GetDirectoryName(Path.GetFullPath(path)); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            yield return directory;
        }
    }
}
