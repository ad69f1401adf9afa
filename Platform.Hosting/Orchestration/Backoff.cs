namespace Platform.Hosting.Orchestration;

/// <summary>Delays between restarts of a crashing process: 0.5 s, doubling to 30 s; reset after a minute of uptime.</summary>
internal sealed class Backoff
{
    private static readonly TimeSpan First = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StableUptime = TimeSpan.FromMinutes(1);
    private TimeSpan _next = First;

    public TimeSpan Next(TimeSpan uptime)
    {
        if (uptime >= StableUptime)
        {
            _next = First;
        }
        var delay = _next;
        _next = TimeSpan.FromTicks(Math.Min(_next.Ticks * 2, Longest.Ticks));
        return delay;
    }
}
