using System.Threading.RateLimiting;

namespace Platform.Api.RateLimiting;

/// <summary>
/// At most <paramref name="permitLimit"/> permits per <paramref name="window"/>, counted on a <see cref="TimeProvider"/>
/// (the framework's fixed-window limiter reads the machine's clock, so a test could not move its time). No queue: a
/// refused request is told when the window ends (<see cref="MetadataName.RetryAfter"/>).
/// </summary>
internal sealed class FixedWindowLimiter(int permitLimit, TimeSpan window, TimeProvider time) : RateLimiter
{
    private readonly Lock _gate = new();
    private DateTimeOffset _windowStart = time.GetUtcNow();
    private int _used;
    private long _granted;
    private long _refused;

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                var now = Roll();
                return _used == 0 ? now - _windowStart : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            Roll();
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = permitLimit - _used,
                TotalSuccessfulLeases = _granted,
                TotalFailedLeases = _refused,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_gate)
        {
            var now = Roll();
            if (_used + permitCount <= permitLimit)
            {
                _used += permitCount;
                _granted++;
                return Lease.Granted;
            }
            _refused++;
            return new Lease(false, _windowStart + window - now);
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    /// <summary>Starts a new window when the current one has ended; returns the time now.</summary>
    private DateTimeOffset Roll()
    {
        var now = time.GetUtcNow();
        if (now >= _windowStart + window)
        {
            // Windows stay aligned to the first one, as the framework's fixed window does.
            _windowStart += window * Math.Floor((now - _windowStart) / window);
            _used = 0;
        }
        return now;
    }

    private sealed class Lease(bool isAcquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);

        public override bool IsAcquired { get; } = isAcquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
