namespace LoadDriver;

/// <summary>What the api accepted (assets and jobs, with when), one per line, for bench/chaos.sh's checks of what
/// became of them: "asset|job id unix-ms".</summary>
internal sealed class AcceptedLog(string? path) : IDisposable
{
    private readonly StreamWriter? _writer = path is null ? null : new StreamWriter(path, append: true) { AutoFlush = false };

    public void Add(string kind, Guid id)
    {
        if (_writer is null)
        {
            return;
        }
        lock (_writer)
        {
            _writer.WriteLine($"{kind} {id} {DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}");
        }
    }

    public void Dispose()
    {
        if (_writer is not null)
        {
            lock (_writer)
            {
                _writer.Dispose();
            }
        }
    }
}
