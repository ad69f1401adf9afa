using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Collections;
using Platform.Hosting.Dashboard.Otlp.Proto.Common;
using OtlpResource = Platform.Hosting.Dashboard.Otlp.Proto.Resource.Resource;

namespace Platform.Hosting.Dashboard.Telemetry;

/// <summary>Turns OTLP values into what the stores keep: short strings, hex ids, UTC times.</summary>
internal sealed class OtlpValues(TelemetryLimits limits)
{
    private const int MaxInterned = 10_000;

    // Keys and service names repeat in every export: keeping one copy of each saves most of their memory.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _interned = new(StringComparer.Ordinal);
    private int _internedCount;

    public TelemetrySource SourceOf(OtlpResource? resource)
    {
        string? service = null, instance = null;
        foreach (var attribute in resource?.Attributes ?? [])
        {
            if (attribute.Key == "service.name")
            {
                service = Text(attribute.Value);
            }
            else if (attribute.Key == "service.instance.id")
            {
                instance = Text(attribute.Value);
            }
        }
        service = Intern(string.IsNullOrEmpty(service) ? "unknown_service" : service);
        return new TelemetrySource(service, Intern(instance ?? service));
    }

    public TelemetryAttribute[] Attributes(RepeatedField<KeyValue> attributes) => Attributes(attributes, limits.MaxAttributeCount);

    public TelemetryAttribute[] Attributes(RepeatedField<KeyValue> attributes, int maxCount)
    {
        var count = Math.Min(attributes.Count, maxCount);
        var result = new TelemetryAttribute[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = new TelemetryAttribute(Intern(attributes[i].Key), Text(attributes[i].Value));
        }
        return result;
    }

    public string Text(AnyValue? value) => Truncate(value?.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.ArrayValue => $"[{string.Join(", ", value.ArrayValue.Values.Select(Text))}]",
        AnyValue.ValueOneofCase.KvlistValue => $"{{{string.Join(", ", value.KvlistValue.Values.Select(kv => $"{kv.Key}: {Text(kv.Value)}"))}}}",
        AnyValue.ValueOneofCase.BytesValue => Convert.ToBase64String(value.BytesValue.Span),
        _ => "",
    });

    public string Truncate(string text) => text.Length <= limits.MaxAttributeLength ? text : text[..limits.MaxAttributeLength] + "…";

    /// <summary>One copy of a short string that repeats (keys, names); longer ones are cut like any value.</summary>
    public string Intern(string text)
    {
        text = Truncate(text);
        if (text.Length > 128)
        {
            return text;
        }
        if (_interned.TryGetValue(text, out var known))
        {
            return known;
        }
        // Counted here: the dictionary's own Count takes all of its locks, on every export's every key. Checked before
        // counting, so that misses past the limit do not keep counting (and overflow).
        if (Volatile.Read(ref _internedCount) >= MaxInterned)
        {
            return text;
        }
        Interlocked.Increment(ref _internedCount);
        return _interned.GetOrAdd(text, text);
    }

    /// <summary>A trace or span id as lowercase hex; null for an absent (empty or all-zero) id.</summary>
    public static string? Id(ByteString id) =>
        id.IsEmpty || id.Span.IndexOfAnyExcept((byte)0) < 0 ? null : Convert.ToHexStringLower(id.Span);

    public static DateTime Time(ulong unixNanoseconds) =>
        DateTime.UnixEpoch.AddTicks((long)(unixNanoseconds / 100));
}
