using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.Hosting.Lifetime;

/// <summary>
/// Stops the application when the process that started the AppHost (<c>dotnet run</c>, an IDE, a shell) is gone, as
/// SIGTERM would: killing <c>dotnet run</c> with SIGKILL (an IDE's stop button, <c>kill -9</c>) would otherwise leave the
/// AppHost and its whole graph running, holding the dashboard's ports. The parent is watched through a pidfd, which
/// becomes readable when it exits (Linux 5.3), and by its process id, which changes when the AppHost is orphaned (any
/// Linux); not with PR_SET_PDEATHSIG, which fires when the thread that forked the AppHost ends, not its process.
/// </summary>
internal sealed partial class ParentProcessWatch(IHostApplicationLifetime lifetime, ILogger<ParentProcessWatch> logger) : IHostedService
{
    /// <summary>How long one wait lasts before the watch checks whether the application is stopping anyway.</summary>
    private const int WaitMilliseconds = 500;
    private const short PollIn = 1;

    private volatile bool _stopping;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var parent = getppid();
        // Orphaned already (started detached, or by init): there is no parent to follow.
        if (parent > 1 && OperatingSystem.IsLinux())
        {
            new Thread(() => Watch(parent)) { IsBackground = true, Name = "Parent process watch" }.Start();
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        return Task.CompletedTask;
    }

    private void Watch(int parent)
    {
        var pidfd = OpenPidfd(parent);
        try
        {
            var poll = new PollFd { Fd = pidfd, Events = PollIn };
            while (!_stopping)
            {
                var exited = pidfd >= 0 ? Poll(ref poll, WaitMilliseconds) : SleepOnce();
                // The id check also covers a parent that exited before its pidfd was opened.
                if (exited || getppid() != parent)
                {
                    // A Ctrl+C in the terminal reaches both, and dotnet run may end first: that stop is under way already.
                    if (!_stopping && !lifetime.ApplicationStopping.IsCancellationRequested)
                    {
                        logger.LogWarning("The process that started the AppHost ({ParentId}) is gone: stopping every resource.", parent);
                        lifetime.StopApplication();
                    }
                    return;
                }
            }
        }
        finally
        {
            if (pidfd >= 0)
            {
                close(pidfd);
            }
        }
    }

    private static bool Poll(ref PollFd poll, int milliseconds)
    {
        poll.Revents = 0;
        return poll_fd(ref poll, 1, milliseconds) > 0 && poll.Revents != 0;
    }

    private static bool SleepOnce()
    {
        Thread.Sleep(WaitMilliseconds);
        return false;
    }

    private static int OpenPidfd(int pid)
    {
        try
        {
            return pidfd_open(pid, 0);
        }
        catch (EntryPointNotFoundException)
        {
            return -1; // glibc before 2.36: the id check alone.
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport("libc")]
    private static partial int getppid();

    [LibraryImport("libc", SetLastError = true)]
    private static partial int pidfd_open(int pid, uint flags);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static partial int poll_fd(ref PollFd fds, nuint count, int timeout);

    [LibraryImport("libc")]
    private static partial int close(int fd);
}
