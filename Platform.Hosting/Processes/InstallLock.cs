namespace Platform.Hosting.Processes;

/// <summary>A file lock around installing a tool into the shared tools folder: concurrent AppHosts (parallel tests) wait
/// for one another instead of installing over each other.</summary>
public static class InstallLock
{
    public static async Task<FileStream> AcquireAsync(string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, ".install.lock");
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(200, cancellationToken);
            }
        }
    }
}
