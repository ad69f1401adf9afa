using System.Collections.Concurrent;
using System.Diagnostics;

namespace Platform.Tests.Infrastructure;

/// <summary>
/// A Node.js tool the tests use, installed once with npm ci from its pinned lock file (in <c>Platform.Tests/…</c>)
/// into the tools folder, and run with its output captured. Offline once installed.
/// </summary>
internal static class NpmTool
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new();

    /// <summary>Copies <paramref name="files"/> from <paramref name="source"/> and runs npm ci there unless <paramref name="package"/> is installed; returns the folder.</summary>
    public static async Task<string> InstallAsync(string source, string name, string package, params string[] files)
    {
        var installed = Path.Combine(Repository.Root, "Platform.AppHost", ".platform", "tools", name);
        var gate = Gates.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync();
        try
        {
            Directory.CreateDirectory(installed);
            foreach (var file in files.Prepend("package-lock.json").Prepend("package.json"))
            {
                File.Copy(Path.Combine(source, file), Path.Combine(installed, file), overwrite: true);
            }
            if (!Directory.Exists(Path.Combine(installed, "node_modules", package)))
            {
                var (exitCode, output, error) = await RunAsync(installed, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
                Assert.True(exitCode == 0, $"npm ci for {name} failed: {output}{error}");
            }
            return installed;
        }
        finally
        {
            gate.Release();
        }
    }

    public static Task<(int ExitCode, string Output, string Error)> RunAsync(string workingDirectory, string command, params string[] args) =>
        RunAsync(workingDirectory, command, args, input: null);

    /// <summary>Runs <paramref name="command"/>, writing <paramref name="input"/> to its standard input when given.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string workingDirectory, string command, IEnumerable<string> args, string? input)
    {
        var info = new ProcessStartInfo(command) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = input is not null };
        args.ToList().ForEach(info.ArgumentList.Add);
        using var process = Process.Start(info)!;
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
