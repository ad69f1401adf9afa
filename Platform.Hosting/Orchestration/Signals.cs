using System.Runtime.InteropServices;

namespace Platform.Hosting.Orchestration;

/// <summary>Linux signal numbers.</summary>
public enum Signal
{
    Interrupt = 2,
    Quit = 3,
    Kill = 9,
    Terminate = 15,
    /// <summary>SIGCONT: a stopped process goes on.</summary>
    Continue = 18,
    /// <summary>SIGSTOP: the process is frozen where it is (it cannot catch or ignore it).</summary>
    Stop = 19,
}

internal static partial class Signals
{
    /// <summary>Signals one process; false when it is already gone.</summary>
    public static bool Send(int pid, Signal signal) => kill(pid, (int)signal) == 0;

    /// <summary>Signals every process in the group that <paramref name="groupId"/> leads (its whole tree).</summary>
    public static bool SendToGroup(int groupId, Signal signal) => kill(-groupId, (int)signal) == 0;

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int sig);
}
