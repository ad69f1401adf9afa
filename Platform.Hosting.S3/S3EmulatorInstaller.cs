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
            // npm ci runs the packages' install scripts: as the service user, in a folder of its own, like the emulator.
            await context.GiveToServiceUserAsync(directory, cancellationToken);
            await context.RunCommandAsync(new ProcessSpec(context.Tools.PathOf(NativeTools.Npm), ["ci", "--no-audit", "--no-fund", "--loglevel=error"])
            {
                WorkingDirectory = directory,
                Environment = NpmSettings(),
            }, cancellationToken);
        }
        return entry;
    }

    /// <summary>The AppHost's npm settings given as variables (a registry, a proxy): npm, running as the service user,
    /// cannot read root's ~/.npmrc. Nothing else of the AppHost's environment reaches the install scripts.</summary>
    private static Dictionary<string, string> NpmSettings() =>
        Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Select(e => (Name: (string)e.Key, Value: (string?)e.Value ?? ""))
            .Where(e => e.Name.StartsWith("npm_config_", StringComparison.OrdinalIgnoreCase)
                || e.Name.Equals("HTTPS_PROXY", StringComparison.OrdinalIgnoreCase)
                || e.Name.Equals("HTTP_PROXY", StringComparison.OrdinalIgnoreCase)
                || e.Name.Equals("NO_PROXY", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(e => e.Name, e => e.Value);

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
