using System.Diagnostics;
using System.Reflection;

namespace Platform.Tests.Infrastructure;

/// <summary>The AppHost as a user runs it: a process of its own, started from its build output.</summary>
internal static class AppHostProcess
{
    /// <summary>bin/&lt;configuration&gt;/net10.0/Platform.AppHost.dll of the AppHost project, built with the same
    /// configuration as the tests.</summary>
    public static string Assembly { get; } = Path.Combine(Projects.Platform_AppHost.ProjectPath, "bin",
        typeof(AppHostProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration, "net10.0", "Platform.AppHost.dll");

    public static Process Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null) =>
        StartDotnet([Assembly, .. args], environment);

    /// <summary>The AppHost as <c>dotnet run --project Platform.AppHost</c> starts it (from the build output the tests run
    /// on: no build), as a child of the <c>dotnet run</c> process that is returned.</summary>
    public static Process StartWithDotnetRun(IEnumerable<string> runOptions, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var configuration = typeof(AppHostProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        return StartDotnet(["run", "--no-build", "--configuration", configuration, "--project", Projects.Platform_AppHost.ProjectPath, .. runOptions, "--", .. args], environment);
    }

    /// <summary>Runs it to its exit; past <paramref name="timeout"/> it is killed with what it started.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        TimeSpan timeout, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = Start(args, environment);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        using var killOnTimeout = deadline.Token.Register(() => process.Kill(entireProcessTree: true));
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Through <c>env --default-signal</c>, which then becomes dotnet (same process): a test run started in the
    /// background inherits SIGINT ignored, and Ctrl+C must reach the AppHost as it does at a terminal.</summary>
    private static Process StartDotnet(string[] dotnetArgs, IReadOnlyDictionary<string, string>? environment)
    {
        var info = new ProcessStartInfo("env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }
        info.ArgumentList.Add("--default-signal=INT,QUIT");
        info.ArgumentList.Add(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet");
        foreach (var arg in dotnetArgs)
        {
            info.ArgumentList.Add(arg);
        }
        return Process.Start(info)!;
    }
}
