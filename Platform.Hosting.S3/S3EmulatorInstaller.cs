using Platform.Hosting.Orchestration;

namespace Platform.Hosting.S3;

/// <summary>Installs the pinned emulator once into the tools folder; concurrent AppHosts (parallel tests) wait on a file lock.</summary>
internal static class S3EmulatorInstaller
{
    private static readonly string[] PackageFiles = ["package.json", "package-lock.json"];

    /// <summary>Returns the emulator's entry script.</summary>
    public static async Task<string> EnsureInstalledAsync(LocalRunContext context, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(context.ToolsDirectory, "s3rver");
        var entry = Path.Combine(directory, "node_modules", "s3rver", "bin", "s3rver.js");
        Directory.CreateDirectory(directory);
        await using var installLock = await AcquireLockAsync(Path.Combine(directory, ".install.lock"), cancellationToken);
        var source = Path.Combine(AppContext.BaseDirectory, "S3Emulator");
        var upToDate = File.Exists(entry) && PackageFiles.All(f => FilesEqual(Path.Combine(source, f), Path.Combine(directory, f)));
        if (!upToDate)
        {
            foreach (var file in PackageFiles)
            {
                File.Copy(Path.Combine(source, file), Path.Combine(directory, file), overwrite: true);
            }
            context.Log.Write("[platform] installing the S3 emulator (s3rver) with npm ci; this happens once");
            await context.RunCommandAsync(new ProcessSpec(context.Tools.PathOf(NativeTools.Npm), ["ci", "--no-audit", "--no-fund", "--loglevel=error"])
            {
                WorkingDirectory = directory,
            }, cancellationToken);
        }
        return entry;
    }

    private static bool FilesEqual(string a, string b) => File.Exists(b) && File.ReadAllBytes(a).AsSpan().SequenceEqual(File.ReadAllBytes(b));

    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken cancellationToken)
    {
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
