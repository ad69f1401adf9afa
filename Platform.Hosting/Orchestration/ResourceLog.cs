using System.Threading.Channels;

namespace Platform.Hosting.Orchestration;

/// <summary>The console output of one resource, in bounded memory: the oldest lines go first.</summary>
public sealed class ResourceLog(int capacity)
{
    private readonly Queue<LogLine> _lines = new();
    private readonly List<Channel<LogLine>> _watchers = [];
    private readonly Lock _gate = new();
    private long _sequence;

    public void Write(string text, bool isError = false)
    {
        lock (_gate)
        {
            var line = new LogLine(++_sequence, DateTimeOffset.UtcNow, text, isError);
            _lines.Enqueue(line);
            if (_lines.Count > capacity)
            {
                _lines.Dequeue();
            }
            foreach (var watcher in _watchers)
            {
                watcher.Writer.TryWrite(line);
            }
        }
    }

    public long LastSequence
    {
        get { lock (_gate) { return _sequence; } }
    }

    public IReadOnlyList<LogLine> Tail(int count, long afterSequence = 0)
    {
        lock (_gate)
        {
            return [.. _lines.Where(l => l.Sequence > afterSequence).TakeLast(count)];
        }
    }

    /// <summary>The lines kept so far, then every new line as it is written.</summary>
    public async IAsyncEnumerable<LogLine> WatchAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateBounded<LogLine>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest });
        LogLine[] backlog;
        lock (_gate)
        {
            backlog = [.. _lines];
            _watchers.Add(channel);
        }
        try
        {
            foreach (var line in backlog)
            {
                yield return line;
            }
            await foreach (var line in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return line;
            }
        }
        finally
        {
            lock (_gate)
            {
                _watchers.Remove(channel);
            }
        }
    }
}
