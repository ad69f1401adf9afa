using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Platform.Hosting.Processes;

namespace Platform.Hosting.S3;

/// <summary>
/// The S3 emulator (<c>S3Emulator/emulator.js</c> around @20minutes/s3rver, which verifies SigV4 signatures): installed
/// once into the tools folder (shared by every run and data folder) with <c>npm ci</c> from the pinned lock file shipped
/// with this assembly, as the account the processes run as; then run with Node.js.
/// Concurrent AppHosts (parallel tests) wait for one another on a file lock.
/// </summary>
internal static class S3Emulator
{
    internal static readonly HttpClient Http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };

    private static readonly string[] PackageFiles = ["package.json", "package-lock.json", "emulator.js"];

    public static string EntryOf(NativeProcesses processes) =>
        Path.Combine(InstallDirectoryOf(processes), "emulator.js");

    private static string InstallDirectoryOf(NativeProcesses processes) => Path.Combine(processes.Options.ToolsDirectory, "s3rver");

    private static string PackageOf(NativeProcesses processes) =>
        Path.Combine(InstallDirectoryOf(processes), "node_modules", "@20minutes", "s3rver", "package.json");

    public static IEnumerable<object> Arguments(S3StorageResource storage, NativeProcesses processes) =>
    [
        // s3rver signs ListObjectsV2 continuation tokens with DES, which OpenSSL 3 (Node 17+) keeps in its legacy
        // provider: without it, listing more objects than one page holds fails with a 500.
        "--openssl-legacy-provider",
        EntryOf(processes),
        "--directory", storage.DataDirectory,
        "--address", "127.0.0.1",
        "--port", storage.PrimaryEndpoint.Property(EndpointProperty.TargetPort),
    ];

    public static async Task PrepareAsync(S3StorageResource storage, BeforeResourceStartedEvent e, CancellationToken cancellationToken)
    {
        var processes = e.Services.GetRequiredService<NativeProcesses>();
        await EnsureInstalledAsync(processes, e.Services.GetRequiredService<ResourceLoggerService>().GetLogger(storage), cancellationToken);
        processes.CreateServiceDirectory(storage.DataDirectory);
    }

    /// <summary>A real S3 call: ListBuckets must answer with its XML document.</summary>
    public static async Task<HealthCheckResult> CheckAsync(S3StorageResource storage, CancellationToken cancellationToken)
    {
        var body = await Http.GetStringAsync(await storage.PrimaryEndpoint.GetValueAsync(cancellationToken), cancellationToken);
        return body.Contains("<ListAllMyBucketsResult", StringComparison.Ordinal) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("no bucket list");
    }

    private static async Task EnsureInstalledAsync(NativeProcesses processes, ILogger log, CancellationToken cancellationToken)
    {
        var directory = InstallDirectoryOf(processes);
        await using var installLock = await InstallLock.AcquireAsync(directory, cancellationToken);
        var source = Path.Combine(AppContext.BaseDirectory, "S3Emulator");
        if (File.Exists(PackageOf(processes)) && PackageFiles.All(f => FilesEqual(Path.Combine(source, f), Path.Combine(directory, f))))
        {
            return;
        }
        foreach (var file in PackageFiles)
        {
            File.Copy(Path.Combine(source, file), Path.Combine(directory, file), overwrite: true);
        }
        log.LogInformation("Installing the S3 emulator (@20minutes/s3rver) with npm ci; this happens once.");
        // npm ci runs the packages' install scripts: as the service account, in a folder of its own, like the emulator.
        processes.CreateServiceDirectory(directory);
        await processes.RunAsync(log, NativeTool.Npm.Path, ["ci", "--no-audit", "--no-fund", "--loglevel=error"], cancellationToken, workingDirectory: directory);
    }

    private static bool FilesEqual(string a, string b) => File.Exists(b) && File.ReadAllBytes(a).AsSpan().SequenceEqual(File.ReadAllBytes(b));
}
