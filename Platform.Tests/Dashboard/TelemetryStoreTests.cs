using Google.Protobuf;
using Platform.Hosting.Dashboard;
using Platform.Hosting.Dashboard.Otlp.Proto.Common;
using Platform.Hosting.Dashboard.Otlp.Proto.Logs;
using Platform.Hosting.Dashboard.Otlp.Proto.Metrics;
using Platform.Hosting.Dashboard.Otlp.Proto.Trace;
using Platform.Hosting.Dashboard.Telemetry;
using OtlpResource = Platform.Hosting.Dashboard.Otlp.Proto.Resource.Resource;

namespace Platform.Tests.Dashboard;

/// <summary>The dashboard's memory stays bounded whatever the services send, and what it keeps reads right.</summary>
[Trait("Tier", "Fast")]
public sealed class TelemetryStoreTests
{
    private static readonly DateTime Now = DateTime.UtcNow;

    [Fact]
    public void Traces_beyond_the_span_limit_are_dropped_whole_oldest_first()
    {
        var limits = new TelemetryLimits { MaxSpans = 100 };
        var store = new TraceStore(limits, new OtlpValues(limits));

        for (var trace = 0; trace < 30; trace++)
        {
            store.Add([Spans("api", trace, spanCount: 10)]);
        }

        Assert.True(store.SpanCount <= 100, $"{store.SpanCount} spans kept");
        var kept = store.Query(limit: 1000);
        Assert.Equal(10, kept.Count);
        Assert.All(kept, t => Assert.Equal(10, t.SpanCount));
        Assert.Equal(TraceId(29), kept[0].TraceId);
        Assert.Empty(store.Get(TraceId(0)));
    }

    [Fact]
    public void Traces_filter_by_resource_and_duration_and_keep_their_tree()
    {
        var limits = new TelemetryLimits();
        var store = new TraceStore(limits, new OtlpValues(limits));
        store.Add([Spans("web", 1, spanCount: 1, milliseconds: 5), Spans("api", 1, spanCount: 2, milliseconds: 3, parentOffset: 1)]);
        store.Add([Spans("worker", 2, spanCount: 1, milliseconds: 500)]);

        Assert.Equal([TraceId(2)], store.Query(minDuration: TimeSpan.FromMilliseconds(100)).Select(t => t.TraceId));
        var withApi = Assert.Single(store.Query(service: "api"));
        Assert.Equal(["web", "api"], withApi.Services);
        Assert.Equal("web: span-0", withApi.Name);
        var spans = store.Get(TraceId(1));
        Assert.Equal(3, spans.Count);
        Assert.Equal(SpanId(1, 0), spans.Single(s => s.Source.Service == "api" && s.Name == "span-0").ParentSpanId);
    }

    [Fact]
    public void Log_records_beyond_the_limit_drop_the_oldest_and_filter_by_level_and_text()
    {
        var limits = new TelemetryLimits { MaxLogRecords = 100, MaxAttributeLength = 64 };
        var store = new LogStore(limits, new OtlpValues(limits));
        var logs = new ResourceLogs { Resource = Resource("api"), ScopeLogs = { new ScopeLogs { Scope = new InstrumentationScope { Name = "Platform.Api.Assets" } } } };
        for (var i = 0; i < 250; i++)
        {
            logs.ScopeLogs[0].LogRecords.Add(new LogRecord
            {
                TimeUnixNano = Nanos(Now.AddMilliseconds(i)),
                SeverityNumber = i % 10 == 0 ? SeverityNumber.Error : SeverityNumber.Info,
                Body = new AnyValue { StringValue = $"message {i} " + new string('x', 200) },
            });
        }

        store.Add([logs]);

        Assert.Equal(100, store.Count);
        var errors = store.Query(minSeverity: 17);
        Assert.Equal(10, errors.Count);
        Assert.All(errors, e => Assert.Equal("Error", e.Level));
        Assert.StartsWith("message 249", store.Query(limit: 1)[0].Message);
        Assert.True(store.Query(limit: 1)[0].Message.Length <= 65, "long messages are cut to the attribute length");
        Assert.Single(store.Query(text: "message 160 "));
        Assert.Empty(store.Query(text: "message 10 "));
    }

    [Fact]
    public void Metric_series_and_points_are_bounded_and_histograms_give_percentiles()
    {
        var limits = new TelemetryLimits { MaxMetricSeries = 10, MaxPointsPerSeries = 20 };
        var store = new MetricStore(limits, new OtlpValues(limits));
        double[] bounds = [0.01, 0.05, 0.1, 0.5];
        for (var second = 0; second < 60; second++)
        {
            var points = Enumerable.Range(0, 15).Select(series => new HistogramDataPoint
            {
                StartTimeUnixNano = Nanos(Now.AddMinutes(-1)),
                TimeUnixNano = Nanos(Now.AddSeconds(second - 60)),
                Count = (ulong)(second + 1) * 10,
                Sum = (second + 1) * 0.3,
                BucketCounts = { 0, (ulong)(second + 1) * 5, (ulong)(second + 1) * 5, 0, 0 },
                ExplicitBounds = { bounds },
                Attributes = { new KeyValue { Key = "http.route", Value = new AnyValue { StringValue = $"/route/{series}" } } },
            });
            store.Add([Metrics("api", new Metric { Name = "http.server.request.duration", Unit = "s", Histogram = new Histogram { AggregationTemporality = AggregationTemporality.Cumulative, DataPoints = { points } } })]);
        }

        Assert.Equal(10, store.SeriesCount);
        var (info, series) = store.Get("api", "Microsoft.AspNetCore.Hosting", "http.server.request.duration")!.Value;
        Assert.Equal(InstrumentKind.Histogram, info.Kind);
        Assert.All(series, s => Assert.Equal(20, s.Points.Length));
        Assert.All(series, s => Assert.Equal(600, s.Series.Total));
        var window = new MetricWindow(Now, TimeSpan.FromSeconds(60), 6);
        var rate = window.Rate("rate", series.Select(s => s.Points), histogram: true);
        Assert.Equal(100, rate.Values[^1], precision: 6); // 10 series x 10 measurements per second
        var p50 = window.Percentiles(series.Select(s => (s.Series.Bounds, s.Points)), 1000, 0.5)[0].Values[^1];
        Assert.Equal(50, p50, precision: 6); // half the measurements are at most 50 ms
    }

    [Fact]
    public void A_log_message_is_cut_after_its_placeholders_are_filled_in()
    {
        var limits = new TelemetryLimits { MaxAttributeLength = 64 };
        var store = new LogStore(limits, new OtlpValues(limits));
        var template = string.Concat(Enumerable.Repeat("{Long} ", 20));
        var record = new LogRecord { Body = new AnyValue { StringValue = template }, SeverityNumber = SeverityNumber.Info };
        record.Attributes.Add(new KeyValue { Key = "Long", Value = new AnyValue { StringValue = new string('x', 64) } });

        store.Add([new ResourceLogs { Resource = Resource("api"), ScopeLogs = { new ScopeLogs { LogRecords = { record } } } }]);

        var message = Assert.Single(store.Query()).Message;
        Assert.StartsWith(new string('x', 64), message);
        Assert.True(message.Length <= 65, $"a message of {message.Length} characters is kept");
    }

    [Fact]
    public void Instruments_beyond_the_limit_are_dropped_and_names_are_cut()
    {
        var limits = new TelemetryLimits { MaxInstruments = 10, MaxAttributeLength = 64 };
        var store = new MetricStore(limits, new OtlpValues(limits));
        var gauges = Enumerable.Range(0, 50).Select(i => new Metric
        {
            Name = $"gauge.{i}." + new string('n', 1000),
            Unit = new string('u', 1000),
            Gauge = new Gauge { DataPoints = { new NumberDataPoint { TimeUnixNano = Nanos(Now), AsDouble = i } } },
        });

        store.Add([new ResourceMetrics { Resource = Resource("api"), ScopeMetrics = { new ScopeMetrics { Scope = new InstrumentationScope { Name = new string('m', 1000) }, Metrics = { gauges } } } }]);

        var instruments = store.Instruments();
        Assert.Equal(10, instruments.Count);
        Assert.All(instruments, i => Assert.True(i.Name.Length <= 65 && i.Unit.Length <= 65 && i.Meter.Length <= 65, $"{i.Name.Length}, {i.Unit.Length}, {i.Meter.Length} characters kept"));
        Assert.Equal(10, store.SeriesCount);
    }

    [Fact]
    public void A_histogram_point_with_more_buckets_than_the_limit_is_dropped()
    {
        var limits = new TelemetryLimits { MaxHistogramBuckets = 16 };
        var store = new MetricStore(limits, new OtlpValues(limits));
        HistogramDataPoint Point(int buckets, string route) => new()
        {
            TimeUnixNano = Nanos(Now),
            Count = 1,
            BucketCounts = { Enumerable.Repeat(0UL, buckets - 1).Append(1UL) },
            ExplicitBounds = { Enumerable.Range(1, buckets - 1).Select(b => (double)b) },
            Attributes = { new KeyValue { Key = "route", Value = new AnyValue { StringValue = route } } },
        };

        store.Add([Metrics("api", new Metric { Name = "duration", Histogram = new Histogram { DataPoints = { Point(16, "/kept"), Point(100_000, "/dropped") } } })]);

        var (_, series) = store.Get("api", "Microsoft.AspNetCore.Hosting", "duration")!.Value;
        var kept = Assert.Single(series);
        Assert.Equal("/kept", Assert.Single(kept.Series.Attributes).Value);
    }

    [Fact]
    public void A_span_keeps_a_bounded_number_of_events_and_of_attributes_per_event()
    {
        var limits = new TelemetryLimits { MaxSpanEvents = 4, MaxEventAttributeCount = 2 };
        var store = new TraceStore(limits, new OtlpValues(limits));
        var spans = Spans("api", 0, spanCount: 1);
        var span = spans.ScopeSpans[0].Spans[0];
        for (var e = 0; e < 100; e++)
        {
            var spanEvent = new Span.Types.Event { Name = $"event-{e}", TimeUnixNano = span.StartTimeUnixNano };
            for (var a = 0; a < 50; a++)
            {
                spanEvent.Attributes.Add(new KeyValue { Key = $"key-{a}", Value = new AnyValue { StringValue = "value" } });
            }
            span.Events.Add(spanEvent);
        }

        store.Add([spans]);

        var kept = Assert.Single(store.Get(TraceId(0)));
        Assert.Equal(["event-0", "event-1", "event-2", "event-3"], kept.Events.Select(e => e.Name));
        Assert.All(kept.Events, e => Assert.Equal(["key-0", "key-1"], e.Attributes.Select(a => a.Key)));
    }

    [Fact]
    public void A_quantile_is_interpolated_inside_its_bucket()
    {
        double[] bounds = [10, 20, 30];
        Assert.Equal(15, MetricWindow.Quantile([0, 10, 0, 0], bounds, 0.5));
        Assert.Equal(30, MetricWindow.Quantile([0, 0, 0, 4], bounds, 0.99));
        Assert.True(double.IsNaN(MetricWindow.Quantile([0, 0, 0, 0], bounds, 0.5)));
    }

    [Fact]
    public void Tokens_have_Aspires_format()
    {
        var token = DashboardEndpoints.GenerateToken();

        Assert.Matches("^[0-9a-f]{32}$", token);
        Assert.NotEqual(token, DashboardEndpoints.GenerateToken());
        Assert.True(DashboardEndpoints.Matches(token, token));
        Assert.False(DashboardEndpoints.Matches(token[..31] + "x", token));
        Assert.False(DashboardEndpoints.Matches(null, token));
    }

    private static ResourceSpans Spans(string service, int trace, int spanCount, double milliseconds = 1, int parentOffset = 0)
    {
        var scope = new ScopeSpans { Scope = new InstrumentationScope { Name = "test" } };
        for (var i = 0; i < spanCount; i++)
        {
            scope.Spans.Add(new Span
            {
                TraceId = ByteString.CopyFrom(Convert.FromHexString(TraceId(trace))),
                SpanId = ByteString.CopyFrom(Convert.FromHexString(SpanId(trace, parentOffset + i))),
                ParentSpanId = parentOffset + i == 0 ? ByteString.Empty : ByteString.CopyFrom(Convert.FromHexString(SpanId(trace, parentOffset == 0 ? 0 : parentOffset - 1))),
                Name = $"span-{i}",
                StartTimeUnixNano = Nanos(Now.AddMilliseconds(i * 0.1)),
                EndTimeUnixNano = Nanos(Now.AddMilliseconds(i * 0.1 + milliseconds)),
            });
        }
        return new ResourceSpans { Resource = Resource(service), ScopeSpans = { scope } };
    }

    private static ResourceMetrics Metrics(string service, Metric metric) =>
        new() { Resource = Resource(service), ScopeMetrics = { new ScopeMetrics { Scope = new InstrumentationScope { Name = "Microsoft.AspNetCore.Hosting" }, Metrics = { metric } } } };

    private static OtlpResource Resource(string service) => new()
    {
        Attributes =
        {
            new KeyValue { Key = "service.name", Value = new AnyValue { StringValue = service } },
            new KeyValue { Key = "service.instance.id", Value = new AnyValue { StringValue = $"{service}-1" } },
        },
    };

    private static string TraceId(int trace) => $"{trace + 1:x32}";

    private static string SpanId(int trace, int span) => $"{trace + 1:x8}{span + 1:x8}";

    private static ulong Nanos(DateTime time) => (ulong)(time - DateTime.UnixEpoch).Ticks * 100;
}
