namespace Platform.Tests.Infrastructure;

/// <summary>Reads the process table from /proc: to find what a run started and to check that it is gone.</summary>
internal static class ProcessTree
{
    /// <summary>The live processes among <paramref name="roots"/> and below them, at any depth.</summary>
    public static IReadOnlySet<int> WithDescendants(IEnumerable<int> roots)
    {
        var parents = All().ToDictionary(p => p.Pid, p => p.ParentPid);
        var wanted = roots.ToHashSet();
        bool InTree(int pid)
        {
            for (var current = pid; current > 1; current = parents.GetValueOrDefault(current))
            {
                if (wanted.Contains(current))
                {
                    return true;
                }
            }
            return false;
        }
        return parents.Keys.Where(InTree).ToHashSet();
    }

    /// <summary>
    /// Every live process of an AppHost's run: the AppHost's descendants, and DCP's, which detaches itself from the
    /// AppHost and names the process it watches on its command line (<c>--monitor &lt;pid&gt;</c>).
    /// </summary>
    public static IReadOnlySet<int> OfRun(int appHost)
    {
        var dcp = All().Where(p => CommandLineOf(p.Pid) is var args && args.Count > 0 && Path.GetFileName(args[0]) == "dcp"
            && args.SkipWhile(a => a != "--monitor").Skip(1).FirstOrDefault() == appHost.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Select(p => p.Pid);
        return WithDescendants([appHost, .. dcp]);
    }

    /// <summary>Every live process below <paramref name="root"/>, at any depth.</summary>
    public static IReadOnlySet<int> Descendants(int root) => WithDescendants([root]).Where(pid => pid != root).ToHashSet();

    /// <summary>The process's arguments, its program first; empty when it is gone.</summary>
    public static IReadOnlyList<string> CommandLineOf(int pid) => ReadNulSeparated($"/proc/{pid}/cmdline");

    /// <summary>The process's environment as <c>NAME=value</c> entries; empty when it is gone.</summary>
    public static IReadOnlyList<string> EnvironmentOf(int pid) => ReadNulSeparated($"/proc/{pid}/environ");

    /// <summary>The real and effective user ids of the process; null when it is gone.</summary>
    public static (int Real, int Effective)? UserOf(int pid)
    {
        try
        {
            var uid = File.ReadLines($"/proc/{pid}/status").First(line => line.StartsWith("Uid:", StringComparison.Ordinal))
                .Split('\t', StringSplitOptions.RemoveEmptyEntries);
            return (int.Parse(uid[1]), int.Parse(uid[2]));
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>A zombie has exited: only its exit status waits to be collected.</summary>
    public static bool IsAlive(int pid) => Read(pid) is { State: not 'Z' and not 'X' };

    /// <summary>
    /// Deletes what the .NET runtime of a killed process leaves in the temporary folder (its diagnostic socket and
    /// debug pipes, which only a clean exit removes), for those of <paramref name="pids"/> that are gone.
    /// </summary>
    public static void RemoveRuntimeFilesOf(IEnumerable<int> pids)
    {
        foreach (var pid in pids.Where(pid => !IsAlive(pid)))
        {
            foreach (var pattern in (string[])[$"dotnet-diagnostic-{pid}-*", $"clr-debug-pipe-{pid}-*"])
            {
                foreach (var file in Directory.EnumerateFiles(Path.GetTempPath(), pattern))
                {
                    File.Delete(file);
                }
            }
        }
    }

    private static string[] ReadNulSeparated(string path)
    {
        try
        {
            return File.ReadAllText(path).Split('\0', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (IOException)
        {
            return [];
        }
    }

    private static IEnumerable<ProcessInfo> All() =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Select(name => int.TryParse(name, out var pid) ? Read(pid) : null)
            .OfType<ProcessInfo>()
            .Where(p => p.State is not 'Z' and not 'X');

    private static ProcessInfo? Read(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command name, which is in parentheses and may contain spaces.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return new ProcessInfo(pid, fields[0][0], int.Parse(fields[1]));
        }
        catch (IOException)
        {
            return null;
        }
    }

    private sealed record ProcessInfo(int Pid, char State, int ParentPid);
}
