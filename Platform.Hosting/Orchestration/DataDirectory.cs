namespace Platform.Hosting.Orchestration;

/// <summary>The one folder that holds a run's state, kept between runs like Aspire's data volumes.</summary>
internal static class DataDirectory
{
    public static void Prepare(LocalRunOptions options)
    {
        if (options.Fresh && Directory.Exists(options.DataDirectory))
        {
            Directory.Delete(options.DataDirectory, recursive: true);
        }
        Directory.CreateDirectory(options.DataDirectory);
        Directory.CreateDirectory(options.ToolsDirectory);
    }

    /// <summary>The service account must be able to reach its own folders inside; what it may read stays owner-only.</summary>
    public static void OpenTo(ServiceAccount account, LocalRunOptions options)
    {
        File.SetUnixFileMode(options.DataDirectory,
            File.GetUnixFileMode(options.DataDirectory) | UnixFileMode.OtherExecute | UnixFileMode.GroupExecute);
        account.EnsureCanReach(options.DataDirectory, "The data folder", "choose another folder with --data-dir <path>");
        account.EnsureCanReach(options.ToolsDirectory, "The tools folder");
    }

    /// <summary>The service account's home for runs on this data folder: private to it.</summary>
    public static string HomeOf(LocalRunOptions options) => Path.Combine(options.DataDirectory, ".home");
}
