using System.Runtime.InteropServices;

namespace Platform.Tests.Infrastructure;

/// <summary>Linux signal numbers.</summary>
internal enum Signal
{
    Interrupt = 2,
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

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int sig);
}
