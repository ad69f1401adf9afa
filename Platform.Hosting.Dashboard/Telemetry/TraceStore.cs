using Platform.Hosting.Dashboard.Otlp.Proto.Trace;

namespace Platform.Hosting.Dashboard.Telemetry;

/// <summary>
/// The spans received, grouped into traces, in bounded memory: when there are more than
/// <see cref="TelemetryLimits.MaxSpans"/>, the traces seen first are dropped whole.
/// </summary>
public sealed class TraceStore
{
    private readonly TelemetryLimits _limits;
    private readonly OtlpValues _values;
    private readonly Dictionary<string, TraceEntry> _traces = new(StringComparer.Ordinal);
    private readonly LinkedList<TraceEntry> _arrival = new();
    private readonly Lock _gate = new();
    private int _spanCount;

    internal TraceStore(TelemetryLimits limits, OtlpValues values) => (_limits, _values) = (limits, values);

    private sealed class TraceEntry(string traceId)
    {
        public string TraceId { get; } = traceId;
        public List<SpanRecord> Spans { get; } = [];
        public LinkedListNode<TraceEntry>? Node { get; set; }
    }

    public int SpanCount
    {
        get { lock (_gate) { return _spanCount; } }
    }

    internal void Add(IEnumerable<ResourceSpans> resourceSpans)
    {
        var spans = resourceSpans.SelectMany(r =>
        {
            var source = _values.SourceOf(r.Resource);
            return r.ScopeSpans.SelectMany(scope => scope.Spans.Select(span => Convert(span, source, _values.Intern(scope.Scope?.Name ?? ""))));
        }).OfType<SpanRecord>().ToList();
        lock (_gate)
        {
            foreach (var span in spans)
            {
                if (!_traces.TryGetValue(span.TraceId, out var trace))
                {
                    trace = new TraceEntry(span.TraceId);
                    trace.Node = _arrival.AddLast(trace);
                    _traces[span.TraceId] = trace;
                }
                trace.Spans.Add(span);
                _spanCount++;
            }
            while (_spanCount > _limits.MaxSpans && _arrival.First is { } oldest)
            {
                _arrival.RemoveFirst();
                _traces.Remove(oldest.Value.TraceId);
                _spanCount -= oldest.Value.Spans.Count;
            }
        }
    }

    /// <summary>The newest traces first, filtered by a resource that took part, a shortest duration and a name.</summary>
    public IReadOnlyList<TraceSummary> Query(string? service = null, TimeSpan? minDuration = null, string? text = null, int limit = 200)
    {
        var result = new List<TraceSummary>();
        lock (_gate)
        {
            for (var node = _arrival.Last; node is not null && result.Count < limit; node = node.Previous)
            {
                var summary = Summarize(node.Value.Spans);
                if ((service is null || summary.Services.Contains(service, StringComparer.Ordinal))
                    && (minDuration is null || summary.Duration >= minDuration)
                    && (string.IsNullOrEmpty(text) || node.Value.Spans.Any(s => s.Name.Contains(text, StringComparison.OrdinalIgnoreCase)) || summary.TraceId.StartsWith(text, StringComparison.OrdinalIgnoreCase)))
                {
                    result.Add(summary);
                }
            }
        }
        return result;
    }

    /// <summary>Every span of one trace, ordered by start; empty if it is unknown or was dropped.</summary>
    public IReadOnlyList<SpanRecord> Get(string traceId)
    {
        lock (_gate)
        {
            return _traces.TryGetValue(traceId, out var trace) ? [.. trace.Spans.OrderBy(s => s.Start)] : [];
        }
    }

    public IReadOnlyList<string> Services()
    {
        lock (_gate)
        {
            return [.. _traces.Values.SelectMany(t => t.Spans).Select(s => s.Source.Service).Distinct().Order(StringComparer.Ordinal)];
        }
    }

    private static TraceSummary Summarize(List<SpanRecord> spans)
    {
        var ids = spans.Select(s => s.SpanId).ToHashSet(StringComparer.Ordinal);
        var root = spans.Where(s => s.ParentSpanId is null || !ids.Contains(s.ParentSpanId)).MinBy(s => s.Start) ?? spans[0];
        var start = spans.Min(s => s.Start);
        var end = spans.Max(s => s.End);
        return new TraceSummary(
            root.TraceId,
            $"{root.Source.Service}: {root.Name}",
            start,
            end - start,
            spans.Count,
            [.. spans.Select(s => s.Source.Service).Distinct()],
            spans.Any(s => s.IsError));
    }

    private SpanRecord? Convert(Span span, TelemetrySource source, string scope)
    {
        var traceId = OtlpValues.Id(span.TraceId);
        var spanId = OtlpValues.Id(span.SpanId);
        if (traceId is null || spanId is null)
        {
            return null;
        }
        return new SpanRecord(
            traceId,
            spanId,
            OtlpValues.Id(span.ParentSpanId),
            _values.Truncate(span.Name),
            (SpanKind)span.Kind,
            OtlpValues.Time(span.StartTimeUnixNano),
            OtlpValues.Time(Math.Max(span.EndTimeUnixNano, span.StartTimeUnixNano)),
            span.Status?.Code == Status.Types.StatusCode.Error,
            string.IsNullOrEmpty(span.Status?.Message) ? null : _values.Truncate(span.Status.Message),
            _values.Attributes(span.Attributes),
            [.. span.Events.Take(_limits.MaxSpanEvents).Select(e => new SpanEvent(
                OtlpValues.Time(e.TimeUnixNano), _values.Truncate(e.Name), _values.Attributes(e.Attributes, _limits.MaxEventAttributeCount)))],
            source,
            scope);
    }
}
