using System.Collections.Concurrent;
using System.Diagnostics;

namespace Platform.Deployment.Aws.Tests.Infrastructure;

/// <summary>
/// A Node.js tool the tests use, installed once with npm ci from the lock file committed in its folder (into its
/// <c>node_modules</c>, which git ignores), and run with its output captured. Offline once installed.
/// </summary>
internal static class NpmTool
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new();

    /// <summary>Runs npm ci in <paramref name="folder"/> unless <paramref name="package"/> is installed there; returns the folder.</summary>
    public static async Task<string> InstallAsync(string folder, string package)
    {
        var gate = Gates.GetOrAdd(folder, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync();
        try
        {
            if (!Directory.Exists(Path.Combine(folder, "node_modules", package)))
            {
                var (exitCode, output, error) = await RunAsync(folder, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
                Assert.True(exitCode == 0, $"npm ci in {folder} failed: {output}{error}");
            }
            return folder;
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
