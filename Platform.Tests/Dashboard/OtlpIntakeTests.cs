using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Platform.Hosting;
using Platform.Hosting.Dashboard;
using Platform.Hosting.Dashboard.Telemetry;
using Platform.Tests.Orchestration;

namespace Platform.Tests.Dashboard;

/// <summary>The standard OpenTelemetry .NET exporter sends to the dashboard, over gRPC and HTTP/protobuf, with the key only.</summary>
[Trait("Tier", "Fast")]
public sealed class OtlpIntakeTests : IAsyncLifetime
{
    private DistributedApplication _app = null!;
    private DashboardEndpoints _endpoints = null!;

    public async Task InitializeAsync()
    {
        _app = await SmallGraphs.StartAsync(SmallGraphs.Sleeper());
        _endpoints = _app.Services.GetRequiredService<DashboardEndpoints>();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData(OtlpExportProtocol.Grpc)]
    [InlineData(OtlpExportProtocol.HttpProtobuf)]
    public void Traces_logs_and_metrics_from_the_OpenTelemetry_exporter_are_kept(OtlpExportProtocol protocol)
    {
        var service = $"exporter-{protocol}".ToLowerInvariant();
        var source = new ActivitySource(service);
        using var meter = new Meter(service);
        var resource = ResourceBuilder.CreateEmpty().AddService(service, serviceInstanceId: $"{service}-7");
        using (var tracing = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(resource).AddSource(service).AddOtlpExporter(o => Configure(o, protocol, "traces")).Build())
        using (var metrics = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(resource).AddMeter(service).AddOtlpExporter(o => Configure(o, protocol, "metrics")).Build())
        using (var logging = LoggerFactory.Create(l => l.AddOpenTelemetry(o =>
               {
                   o.SetResourceBuilder(resource);
                   o.AddOtlpExporter(e => Configure(e, protocol, "logs"));
               })))
        {
            using (var parent = source.StartActivity("upload", ActivityKind.Server))
            {
                using var child = source.StartActivity("INSERT assets", ActivityKind.Client);
                child?.SetTag("db.system.name", "postgresql");
                logging.CreateLogger("Platform.Api.Assets").LogWarning("Stored asset {AssetId}", 42);
            }
            meter.CreateCounter<long>("jobs.completed").Add(3);
            meter.CreateHistogram<double>("jobs.duration", "s").Record(0.25);

            Assert.True(tracing.ForceFlush(10_000), "traces were not accepted");
            Assert.True(metrics.ForceFlush(10_000), "metrics were not accepted");
        }

        var trace = Assert.Single(_app.Services.GetRequiredService<TraceStore>().Query(service: service));
        var spans = _app.Services.GetRequiredService<TraceStore>().Get(trace.TraceId);
        Assert.Equal(["upload", "INSERT assets"], spans.Select(s => s.Name));
        Assert.Equal(spans[0].SpanId, spans[1].ParentSpanId);
        Assert.Equal($"{service}-7", spans[0].Source.Instance);
        Assert.Equal("postgresql", spans[1].Attribute("db.system.name"));

        var log = Assert.Single(_app.Services.GetRequiredService<LogStore>().Query(service: service));
        Assert.Equal("Stored asset 42", log.Message);
        Assert.Equal("Warning", log.Level);
        Assert.Equal("Platform.Api.Assets", log.Category);
        Assert.Equal(trace.TraceId, log.TraceId);
        Assert.Equal(spans[1].SpanId, log.SpanId);

        var instruments = _app.Services.GetRequiredService<MetricStore>().Instruments(service);
        Assert.Contains(instruments, i => i.Name == "jobs.completed" && i.Kind == InstrumentKind.Counter);
        Assert.Contains(instruments, i => i.Name == "jobs.duration" && i.Kind == InstrumentKind.Histogram && i.Unit == "s");
    }

    [Fact]
    public async Task Exports_without_the_key_are_refused_and_not_kept()
    {
        var service = "intruder";
        var source = new ActivitySource(service);
        using (var tracing = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService(service))
            .AddSource(service)
            .AddOtlpExporter(o =>
            {
                o.Endpoint = new Uri(_endpoints.OtlpGrpcUrl);
                o.Protocol = OtlpExportProtocol.Grpc;
                o.Headers = "x-otlp-api-key=not-the-key";
            }).Build())
        {
            source.StartActivity("sneaky")?.Dispose();
            tracing.ForceFlush(10_000);
        }
        using var http = new HttpClient();
        var plain = await http.PostAsync($"{_endpoints.OtlpHttpUrl}/v1/traces", new ByteArrayContent([]) { Headers = { { "Content-Type", "application/x-protobuf" } } });
        // An empty gRPC message (flag byte and zero length), sent as the exporter sends it: HTTP/2 without TLS.
        using var grpc = await http.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"{_endpoints.OtlpGrpcUrl}/opentelemetry.proto.collector.trace.v1.TraceService/Export")
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent([0, 0, 0, 0, 0]) { Headers = { { "Content-Type", "application/grpc" } } },
        });
        await grpc.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, plain.StatusCode);
        Assert.Equal("16", GrpcStatus(grpc)); // UNAUTHENTICATED
        Assert.Empty(_app.Services.GetRequiredService<TraceStore>().Query(service: service));
    }

    [Fact]
    public async Task A_gRPC_export_without_the_key_is_refused_before_its_message_is_received()
    {
        // The message announces 15 MiB that never come: a server that reads it before checking the key never answers.
        using var message = new HeldOpenContent([0, 0x00, 0xF0, 0x00, 0x00]);
        message.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/grpc");
        using var http = new HttpClient();
        using var answered = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        using var response = await http.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"{_endpoints.OtlpGrpcUrl}/opentelemetry.proto.collector.trace.v1.TraceService/Export")
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = message,
        }, HttpCompletionOption.ResponseHeadersRead, answered.Token);

        Assert.Equal("16", GrpcStatus(response)); // UNAUTHENTICATED
    }

    /// <summary>A request body that sends its first bytes, then stays open until the request ends.</summary>
    private sealed class HeldOpenContent(byte[] start) : HttpContent
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            await stream.WriteAsync(start, cancellationToken);
            await stream.FlushAsync(cancellationToken);
            await _released.Task.WaitAsync(cancellationToken);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            _released.TrySetResult();
            base.Dispose(disposing);
        }
    }

    private static string? GrpcStatus(HttpResponseMessage response) =>
        (response.TrailingHeaders.TryGetValues("grpc-status", out var trailer) ? trailer
            : response.Headers.TryGetValues("grpc-status", out var header) ? header : []).FirstOrDefault();

    private void Configure(OtlpExporterOptions options, OtlpExportProtocol protocol, string signal)
    {
        options.Protocol = protocol;
        options.Endpoint = new Uri(protocol == OtlpExportProtocol.Grpc ? _endpoints.OtlpGrpcUrl : $"{_endpoints.OtlpHttpUrl}/v1/{signal}");
        options.Headers = $"x-otlp-api-key={_endpoints.OtlpApiKey}";
    }
}
