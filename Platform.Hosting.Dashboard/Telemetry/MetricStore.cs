using Platform.Hosting.Dashboard.Otlp.Proto.Metrics;

namespace Platform.Hosting.Dashboard.Telemetry;

/// <summary>
/// The metrics received, per resource and instrument, in bounded memory: at most
/// <see cref="TelemetryLimits.MaxMetricSeries"/> series of <see cref="TelemetryLimits.MaxPointsPerSeries"/> points.
/// </summary>
public sealed class MetricStore
{
    private readonly TelemetryLimits _limits;
    private readonly OtlpValues _values;
    private readonly Dictionary<(string Service, string Meter, string Name), Instrument> _instruments = [];
    private readonly Lock _gate = new();
    private int _seriesCount;

    internal MetricStore(TelemetryLimits limits, OtlpValues values) => (_limits, _values) = (limits, values);

    private sealed class Instrument(InstrumentInfo info)
    {
        public InstrumentInfo Info { get; set; } = info;
        public Dictionary<string, MetricSeries> Series { get; } = new(StringComparer.Ordinal);
    }

    public int SeriesCount
    {
        get { lock (_gate) { return _seriesCount; } }
    }

    public IReadOnlyList<InstrumentInfo> Instruments(string? service = null)
    {
        lock (_gate)
        {
            return [.. _instruments.Values.Select(i => i.Info).Where(i => service is null || i.Service == service)
                .OrderBy(i => i.Meter, StringComparer.Ordinal).ThenBy(i => i.Name, StringComparer.Ordinal)];
        }
    }

    /// <summary>A copy of an instrument's series and their points, safe to read while more arrive.</summary>
    public (InstrumentInfo Info, IReadOnlyList<(MetricSeries Series, MetricPoint[] Points)> Series)? Get(string service, string meter, string name)
    {
        lock (_gate)
        {
            return _instruments.TryGetValue((service, meter, name), out var instrument)
                ? (instrument.Info, [.. instrument.Series.Values.Select(s => (s, s.Points.ToArray()))])
                : null;
        }
    }

    internal void Add(IEnumerable<ResourceMetrics> resourceMetrics)
    {
        foreach (var resource in resourceMetrics)
        {
            var source = _values.SourceOf(resource.Resource);
            foreach (var scope in resource.ScopeMetrics)
            {
                var meter = _values.Intern(scope.Scope?.Name ?? "");
                foreach (var metric in scope.Metrics)
                {
                    lock (_gate)
                    {
                        Record(source, meter, metric);
                    }
                }
            }
        }
    }

    private void Record(TelemetrySource source, string meter, Metric metric)
    {
        var kind = metric.DataCase switch
        {
            Metric.DataOneofCase.Gauge => InstrumentKind.Gauge,
            Metric.DataOneofCase.Sum => metric.Sum.IsMonotonic ? InstrumentKind.Counter : InstrumentKind.UpDownCounter,
            Metric.DataOneofCase.Histogram => InstrumentKind.Histogram,
            _ => (InstrumentKind?)null,
        };
        if (kind is null)
        {
            return; // Exponential histograms and summaries: the .NET SDK sends neither unless configured to.
        }
        var name = _values.Intern(metric.Name);
        var key = (source.Service, meter, name);
        if (!_instruments.TryGetValue(key, out var instrument))
        {
            if (_instruments.Count >= _limits.MaxInstruments)
            {
                return; // An instrument costs memory before it has any series: its names are capped too.
            }
            instrument = _instruments[key] = new Instrument(new InstrumentInfo(source.Service, meter, name,
                _values.Truncate(metric.Description), _values.Intern(metric.Unit), kind.Value));
        }
        switch (metric.DataCase)
        {
            case Metric.DataOneofCase.Gauge:
                foreach (var point in metric.Gauge.DataPoints)
                {
                    RecordNumber(instrument, source, point, isDelta: false, isCounter: false);
                }
                break;
            case Metric.DataOneofCase.Sum:
                foreach (var point in metric.Sum.DataPoints)
                {
                    RecordNumber(instrument, source, point, metric.Sum.AggregationTemporality == AggregationTemporality.Delta, metric.Sum.IsMonotonic);
                }
                break;
            case Metric.DataOneofCase.Histogram:
                foreach (var point in metric.Histogram.DataPoints)
                {
                    RecordHistogram(instrument, source, point, metric.Histogram.AggregationTemporality == AggregationTemporality.Delta);
                }
                break;
        }
    }

    private void RecordNumber(Instrument instrument, TelemetrySource source, NumberDataPoint point, bool isDelta, bool isCounter)
    {
        if (SeriesFor(instrument, source, point.Attributes) is not { } series)
        {
            return;
        }
        var value = point.ValueCase == NumberDataPoint.ValueOneofCase.AsInt ? point.AsInt : point.AsDouble;
        if (!isCounter)
        {
            series.Total = value;
            Append(series, new MetricPoint(OtlpValues.Time(point.TimeUnixNano), value, 0, 0, null));
            return;
        }
        var restarted = series.StartTime != point.StartTimeUnixNano || value < series.LastValue;
        // A cumulative series that (re)starts counts from its process's start, which is recent: all of it is new.
        var delta = isDelta || restarted ? value : value - series.LastValue;
        (series.StartTime, series.LastValue) = (point.StartTimeUnixNano, value);
        series.Total = isDelta ? series.Total + value : value;
        Append(series, new MetricPoint(OtlpValues.Time(point.TimeUnixNano), delta, 0, 0, null));
    }

    private void RecordHistogram(Instrument instrument, TelemetrySource source, HistogramDataPoint point, bool isDelta)
    {
        // Every point keeps its buckets: their number is what a point weighs.
        if (point.BucketCounts.Count > _limits.MaxHistogramBuckets || SeriesFor(instrument, source, point.Attributes) is not { } series)
        {
            return;
        }
        var buckets = point.BucketCounts.ToArray();
        var sum = point.HasSum ? point.Sum : 0;
        var restarted = isDelta || series.StartTime != point.StartTimeUnixNano || point.Count < series.LastCount
            || series.LastBuckets is null || series.LastBuckets.Length != buckets.Length;
        var (count, sumDelta, bucketDeltas) = restarted
            ? (point.Count, sum, buckets)
            : (point.Count - series.LastCount, sum - series.LastSum, buckets.Select((b, i) => b - series.LastBuckets![i]).ToArray());
        if (!isDelta)
        {
            (series.StartTime, series.LastCount, series.LastSum, series.LastBuckets) = (point.StartTimeUnixNano, point.Count, sum, buckets);
        }
        series.Bounds = point.ExplicitBounds.Count == series.Bounds.Length ? series.Bounds : [.. point.ExplicitBounds];
        series.Total = isDelta ? series.Total + count : point.Count;
        series.TotalSum = isDelta ? series.TotalSum + sumDelta : sum;
        // A point with nothing new keeps no bucket array: most series are idle most of the time.
        Append(series, new MetricPoint(OtlpValues.Time(point.TimeUnixNano), 0, count, sumDelta, count == 0 ? null : bucketDeltas));
    }

    private MetricSeries? SeriesFor(Instrument instrument, TelemetrySource source, Google.Protobuf.Collections.RepeatedField<Otlp.Proto.Common.KeyValue> attributes)
    {
        var converted = _values.Attributes(attributes);
        var key = $"{source.Instance}\n{string.Join("\n", converted.Select(a => $"{a.Key}={a.Value}"))}";
        if (instrument.Series.TryGetValue(key, out var series))
        {
            return series;
        }
        if (_seriesCount >= _limits.MaxMetricSeries)
        {
            return null;
        }
        _seriesCount++;
        return instrument.Series[key] = new MetricSeries(source.Instance, converted);
    }

    private void Append(MetricSeries series, MetricPoint point)
    {
        series.Points.Enqueue(point);
        if (series.Points.Count > _limits.MaxPointsPerSeries)
        {
            series.Points.Dequeue();
        }
    }
}
