using System.Diagnostics;

namespace Platform.Hosting.Orchestration;

/// <summary>
/// One child process, the leader of its own session and process group (started through <c>setsid</c>), so that
/// stopping it stops everything it started. It runs as the service account when there is one (through <c>setpriv</c>),
/// with only the environment it needs (<see cref="ChildEnvironment"/>). Its output goes to the resource's log.
/// </summary>
internal sealed class NativeProcess : IDisposable
{
    private readonly Process _process;
    private readonly Watchdog _watchdog;
    private static readonly TimeSpan OutputDrainLimit = TimeSpan.FromSeconds(1);

    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _exitSeen;

    private NativeProcess(Process process, Watchdog watchdog)
    {
        _process = process;
        _watchdog = watchdog;
    }

    public int Id => _process.Id;

    /// <summary>Completes with the exit code (128 + signal number when a signal ended it).</summary>
    public Task<int> Exited => _exited.Task;

    public static NativeProcess Start(ProcessSpec spec, ResourceLog log, Watchdog watchdog, NativeTools tools, ServiceAccount? account)
    {
        var info = new ProcessStartInfo(tools.PathOf(NativeTools.Setsid))
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = spec.WorkingDirectory ?? "",
        };
        if (account is not null)
        {
            foreach (var arg in (string[])[tools.PathOf(NativeTools.Setpriv), $"--reuid={account.UserId}", $"--regid={account.GroupId}", "--clear-groups",
                         // No way back up: a set-user-id program (su, sudo) gives a compromised child nothing.
                         "--no-new-privs", "--"])
            {
                info.ArgumentList.Add(arg);
            }
        }
        info.ArgumentList.Add(spec.FileName);
        foreach (var arg in spec.Arguments)
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment.Clear();
        foreach (var (name, value) in ChildEnvironment.For(spec, account, Environment.GetEnvironmentVariables()))
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var native = new NativeProcess(process, watchdog);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) log.Write(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.Write(e.Data, isError: true); };
        process.Exited += (_, _) => native.OnExited();
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new DistributedApplicationException($"Could not start '{spec.FileName}': {e.Message}", e);
        }
        watchdog.Track(process.Id);
        if (Volatile.Read(ref native._exitSeen) == 1)
        {
            // It exited before it was tracked.
            watchdog.Untrack(process.Id);
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (spec.StandardInput is { } input)
        {
            process.StandardInput.Write(input);
        }
        process.StandardInput.Close();
        if (process.HasExited)
        {
            native.OnExited();
        }
        return native;
    }

    /// <summary>Asks the process to stop with <paramref name="signal"/>; after <paramref name="grace"/> kills its whole group.</summary>
    public async Task StopAsync(Signal signal, TimeSpan grace)
    {
        if (!Exited.IsCompleted)
        {
            Signals.Send(Id, signal);
            try
            {
                await Exited.WaitAsync(grace);
            }
            catch (TimeoutException)
            {
                Signals.SendToGroup(Id, Signal.Kill);
                await Exited;
            }
        }
    }

    public void Dispose()
    {
        if (!Exited.IsCompleted)
        {
            Signals.SendToGroup(Id, Signal.Kill);
        }
        _process.Dispose();
    }

    private void OnExited()
    {
        int code;
        try
        {
            code = _process.ExitCode;
        }
        catch (InvalidOperationException)
        {
            return;
        }
        if (Interlocked.Exchange(ref _exitSeen, 1) == 1)
        {
            return;
        }
        // Whatever the leader left behind in its group (a crashed server's workers) goes with it.
        Signals.SendToGroup(Id, Signal.Kill);
        _watchdog.Untrack(Id);
        _ = ReportExitAsync(code);
    }

    /// <summary>Reports the exit once the process's last output is in the log (a failure's message quotes it), or after
    /// <see cref="OutputDrainLimit"/> when something outside its group still holds its output open.</summary>
    private async Task ReportExitAsync(int code)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(OutputDrainLimit);
        }
        catch (TimeoutException)
        {
        }
        _exited.TrySetResult(code);
    }
}
