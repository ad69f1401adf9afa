using Platform.Hosting.Dashboard.Otlp.Proto.Logs;

namespace Platform.Hosting.Dashboard.Telemetry;

/// <summary>The structured log records received, in bounded memory: the oldest go first.</summary>
public sealed partial class LogStore
{
    private readonly TelemetryLimits _limits;
    private readonly OtlpValues _values;
    private readonly Queue<LogEntry> _entries = new();
    private readonly Lock _gate = new();
    private long _sequence;

    internal LogStore(TelemetryLimits limits, OtlpValues values) => (_limits, _values) = (limits, values);

    public int Count
    {
        get { lock (_gate) { return _entries.Count; } }
    }

    internal void Add(IEnumerable<ResourceLogs> resourceLogs)
    {
        var records = resourceLogs.SelectMany(r =>
        {
            var source = _values.SourceOf(r.Resource);
            return r.ScopeLogs.SelectMany(scope => scope.LogRecords.Select(record => (record, source, category: _values.Intern(scope.Scope?.Name ?? ""))));
        }).ToList();
        lock (_gate)
        {
            foreach (var (record, source, category) in records)
            {
                _entries.Enqueue(Convert(++_sequence, record, source, category));
                if (_entries.Count > _limits.MaxLogRecords)
                {
                    _entries.Dequeue();
                }
            }
        }
    }

    /// <summary>The newest records first, filtered by resource, lowest level and text (message, category or attribute).</summary>
    public IReadOnlyList<LogEntry> Query(string? service = null, int minSeverity = 0, string? text = null, string? traceId = null, int limit = 500)
    {
        lock (_gate)
        {
            return [.. _entries.Reverse()
                .Where(e => (service is null || e.Source.Service == service)
                    && e.Severity >= minSeverity
                    && (traceId is null || e.TraceId == traceId)
                    && (string.IsNullOrEmpty(text)
                        || e.Message.Contains(text, StringComparison.OrdinalIgnoreCase)
                        || e.Category.Contains(text, StringComparison.OrdinalIgnoreCase)
                        || e.Attributes.Any(a => a.Value.Contains(text, StringComparison.OrdinalIgnoreCase))))
                .Take(limit)];
        }
    }

    public IReadOnlyList<string> Services()
    {
        lock (_gate)
        {
            return [.. _entries.Select(e => e.Source.Service).Distinct().Order(StringComparer.Ordinal)];
        }
    }

    /// <summary>OTLP severity numbers: 1-4 trace, 5-8 debug, 9-12 information, 13-16 warning, 17-20 error, 21-24 critical.</summary>
    public static string LevelOf(int severity) => severity switch
    {
        >= 21 => "Critical",
        >= 17 => "Error",
        >= 13 => "Warning",
        >= 9 => "Information",
        >= 5 => "Debug",
        >= 1 => "Trace",
        _ => "Unspecified",
    };

    /// <summary>A service that exports the message template (<c>Stored asset {AssetId}</c>) instead of the formatted
    /// message gets it formatted here from the record's attributes, as the logger would have. The message is cut to the
    /// attribute length after the placeholders are filled in: a short template of many placeholders, each naming a
    /// long attribute, would otherwise keep many times the limit (and build it first).</summary>
    private string Format(string body, TelemetryAttribute[] attributes)
    {
        if (!body.Contains('{') || attributes.Length == 0)
        {
            return body;
        }
        var message = new System.Text.StringBuilder();
        var copied = 0;
        for (var match = Placeholder().Match(body); match.Success && message.Length <= _limits.MaxAttributeLength; match = match.NextMatch())
        {
            message.Append(body, copied, match.Index - copied);
            message.Append(attributes.FirstOrDefault(a => a.Key == match.Groups[1].Value) is { Key: not null } attribute ? attribute.Value : match.Value);
            copied = match.Index + match.Length;
        }
        if (message.Length <= _limits.MaxAttributeLength)
        {
            message.Append(body, copied, body.Length - copied);
        }
        return _values.Truncate(message.ToString());
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{([^{}:,]+)(?:[,:][^{}]*)?\}")]
    private static partial System.Text.RegularExpressions.Regex Placeholder();

    private LogEntry Convert(long sequence, LogRecord record, TelemetrySource source, string category)
    {
        var time = record.TimeUnixNano != 0 ? record.TimeUnixNano : record.ObservedTimeUnixNano;
        var severity = (int)record.SeverityNumber;
        var attributes = _values.Attributes(record.Attributes);
        return new LogEntry(
            sequence,
            time == 0 ? DateTime.UtcNow : OtlpValues.Time(time),
            severity,
            LevelOf(severity),
            Format(_values.Text(record.Body), attributes),
            category,
            attributes,
            OtlpValues.Id(record.TraceId),
            OtlpValues.Id(record.SpanId),
            source);
    }
}
