using System.Text.RegularExpressions;
using Google.Protobuf;
using Platform.Hosting.Dashboard;
using Platform.Hosting.Dashboard.Otlp.Proto.Common;
using Platform.Hosting.Dashboard.Otlp.Proto.Trace;
using Platform.Hosting.Dashboard.Pages;
using Platform.Hosting.Dashboard.Telemetry;
using OtlpResource = Platform.Hosting.Dashboard.Otlp.Proto.Resource.Resource;

namespace Platform.Tests.Dashboard;

/// <summary>A trace is drawn from what a sender claims: its spans may form any graph, and opening it must not take the AppHost down.</summary>
[Trait("Tier", "Fast")]
public sealed partial class TraceDetailPageTests
{
    private const string Trace = "0af7651916cd43dd8448eb211c80319c";

    [Fact]
    public void Spans_that_form_a_cycle_are_each_shown_once()
    {
        var store = Store();
        store.Add([Spans(
            // Two spans sharing an id, one under the other: the one below is its own parent's child.
            ("00000000000000a1", null, "root"),
            ("00000000000000a1", "00000000000000a1", "same id below"),
            // Two spans each the other's parent: no root leads to them.
            ("00000000000000b1", "00000000000000b2", "loop one"),
            ("00000000000000b2", "00000000000000b1", "loop two"))]);

        var page = TraceDetailPage.Content(store.Get(Trace), Trace);

        Assert.Equal(4, SpanRows().Matches(page).Count);
        Assert.All(["root", "same id below", "loop one", "loop two"], name => Assert.Contains($">{name}<", page, StringComparison.Ordinal));
    }

    [Fact]
    public void Children_are_shown_under_their_parent_earliest_first()
    {
        var store = Store();
        store.Add([Spans(
            ("00000000000000c1", null, "request"),
            ("00000000000000c3", "00000000000000c1", "second"),
            ("00000000000000c2", "00000000000000c1", "first"),
            ("00000000000000c4", "00000000000000c2", "inside first"))]);

        var page = TraceDetailPage.Content(store.Get(Trace), Trace);

        var names = SpanNames().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["request", "first", "inside first", "second"], names);
        Assert.Contains("padding-left:32px", page, StringComparison.Ordinal);
    }

    private static TraceStore Store()
    {
        var limits = new TelemetryLimits();
        return new TraceStore(limits, new OtlpValues(limits));
    }

    /// <summary>Spans of one trace; each starts a millisecond after the one before it is listed.</summary>
    private static ResourceSpans Spans(params (string Id, string? Parent, string Name)[] spans)
    {
        var start = DateTime.UtcNow;
        var scope = new ScopeSpans { Scope = new InstrumentationScope { Name = "test" } };
        foreach (var (index, (id, parent, name)) in spans.Index())
        {
            var time = (ulong)(start.AddMilliseconds(name == "second" ? 10 : index) - DateTime.UnixEpoch).Ticks * 100;
            scope.Spans.Add(new Span
            {
                TraceId = ByteString.CopyFrom(Convert.FromHexString(Trace)),
                SpanId = ByteString.CopyFrom(Convert.FromHexString(id)),
                ParentSpanId = parent is null ? ByteString.Empty : ByteString.CopyFrom(Convert.FromHexString(parent)),
                Name = name,
                StartTimeUnixNano = time,
                EndTimeUnixNano = time + 1_000_000,
            });
        }
        var resource = new OtlpResource { Attributes = { new KeyValue { Key = "service.name", Value = new AnyValue { StringValue = "api" } } } };
        return new ResourceSpans { Resource = resource, ScopeSpans = { scope } };
    }

    [GeneratedRegex("""<details class="span-row""")]
    private static partial Regex SpanRows();

    [GeneratedRegex("""<span title="[^"]*">([^<]*)</span>""")]
    private static partial Regex SpanNames();
}
