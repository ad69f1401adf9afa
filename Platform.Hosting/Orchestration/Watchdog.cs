using System.Diagnostics;

namespace Platform.Hosting.Orchestration;

/// <summary>
/// A small shell process, in its own session, that knows the process group of every child. It reads its
/// standard input until the AppHost closes it, or until the AppHost dies by any means, SIGKILL included, and
/// the kernel closes it instead; then it stops every group still registered. So no child outlives the AppHost.
/// </summary>
internal sealed class Watchdog : IDisposable
{
    private const string Script = """
        trap '' INT TERM HUP
        groups=' '
        while read -r verb group; do
          case "$verb" in
            add) groups="$groups$group " ;;
            del) groups=$(printf '%s' "$groups" | sed "s/ $group / /") ;;
          esac
        done
        [ "$groups" = ' ' ] && exit 0
        for g in $groups; do kill -TERM "-$g" 2>/dev/null; done
        sleep 1
        for g in $groups; do kill -KILL "-$g" 2>/dev/null; done
        """;

    private readonly Process _process;
    private readonly Lock _gate = new();
    private bool _disposed;

    public Watchdog(string setsidPath)
    {
        var info = new ProcessStartInfo(setsidPath) { RedirectStandardInput = true, UseShellExecute = false };
        // It stays the AppHost's own (so that no child can stop it), with nothing of the AppHost's environment but PATH.
        info.Environment.Clear();
        info.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
        foreach (var arg in (string[])["/bin/sh", "-c", Script])
        {
            info.ArgumentList.Add(arg);
        }
        _process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the process watchdog.");
    }

    public int ProcessId => _process.Id;

    public void Track(int processGroup) => Send($"add {processGroup}");

    public void Untrack(int processGroup) => Send($"del {processGroup}");

    private void Send(string line)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _process.StandardInput.WriteLine(line);
            _process.StandardInput.Flush();
        }
    }

    /// <summary>Closes the watchdog's input: it stops whatever is still registered, then exits.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            _process.StandardInput.Close();
        }
        _process.WaitForExit(TimeSpan.FromSeconds(3));
        _process.Dispose();
    }
}
