// Usage: dotnet run -c Release --project bench/DashboardLoad -- [spans per second ...] [--seconds N] [--Dashboard:Telemetry:MaxSpans=N]
// Starts the dashboard as the AppHost serves it (an application with no resources), sends OTLP/gRPC trace exports
// at each rate for N seconds, and meanwhile loads the traces page, a trace and the structured logs page once a
// second. Prints page times (median, p95, max) and memory (managed heap after a full GC, working set).
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Hosting;
using Platform.Hosting.Dashboard.Otlp.Proto.Collector.Trace;
using Platform.Hosting.Dashboard.Otlp.Proto.Common;
using Platform.Hosting.Dashboard.Otlp.Proto.Trace;
using Platform.Hosting.Dashboard.Telemetry;
using OtlpResource = Platform.Hosting.Dashboard.Otlp.Proto.Resource.Resource;

var rates = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(int.Parse).DefaultIfEmpty(1000).ToList();
var seconds = args.SkipWhile(a => a != "--seconds").Skip(1).Select(int.Parse).FirstOrDefault(20);
var limits = args.Where(a => a.StartsWith("--Dashboard:Telemetry:", StringComparison.Ordinal));
var data = Directory.CreateTempSubdirectory("platform-dashboard-bench-").FullName;
var uiPort = FreePort();
const string token = "0123456789abcdef0123456789abcdef";

var builder = DistributedApplication.CreateBuilder([
    $"--Platform:DataDirectory={data}", "--Platform:ConsoleView=None",
    $"--Dashboard:Port={uiPort}", "--Dashboard:OtlpGrpcPort=0", "--Dashboard:OtlpHttpPort=0", $"--Dashboard:BrowserToken={token}", .. limits]);
await using var app = builder.Build();
await app.StartAsync();
var configuration = app.Services.GetRequiredService<IConfiguration>();
var traces = app.Services.GetRequiredService<TraceStore>();

using var channel = GrpcChannel.ForAddress(configuration["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"]!);
var client = new TraceService.TraceServiceClient(channel);
var headers = new Metadata { { "x-otlp-api-key", configuration["AppHost:OtlpApiKey"]! } };
using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri($"http://localhost:{uiPort}") };
(await browser.GetAsync($"/login?t={token}")).EnsureSuccessStatusCode();

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1 << 30)} GiB, {RuntimeInformationText()}, {DateTime.UtcNow:yyyy-MM-dd}");
Console.WriteLine($"limits: {app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Platform.Hosting.Dashboard.DashboardOptions>>().Value.Telemetry.MaxSpans} spans kept; {seconds} s per rate; traces of 5 spans over 3 resources");
Console.WriteLine("| spans/s asked | spans/s sent | spans kept | /traces median / p95 / max (ms) | one trace median (ms) | /structuredlogs median (ms) | managed heap after GC (MB) | working set (MB) |");
Console.WriteLine("|---|---|---|---|---|---|---|---|");
foreach (var rate in rates)
{
    var sent = 0L;
    using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
    var sending = Task.Run(async () =>
    {
        // Ten exports a second, as ten services with the SDK's batch processor would send them.
        var perTick = Math.Max(5, rate / 10 / 5 * 5);
        var clock = Stopwatch.StartNew();
        for (var tick = 0; !stop.IsCancellationRequested; tick++)
        {
            await client.ExportAsync(Request(perTick), headers);
            Interlocked.Add(ref sent, perTick);
            var next = TimeSpan.FromMilliseconds(100 * (tick + 1)) - clock.Elapsed;
            if (next > TimeSpan.Zero)
            {
                await Task.Delay(next);
            }
        }
    });
    var listTimes = new List<double>();
    var traceTimes = new List<double>();
    var logTimes = new List<double>();
    while (!stop.IsCancellationRequested)
    {
        await Task.Delay(1000);
        listTimes.Add(await TimeAsync("/traces"));
        if (traces.Query(limit: 1).FirstOrDefault() is { } newest)
        {
            traceTimes.Add(await TimeAsync($"/traces/{newest.TraceId}"));
        }
        logTimes.Add(await TimeAsync("/structuredlogs"));
    }
    await sending;
    var workingSet = Process.GetCurrentProcess().WorkingSet64;
    var heap = GC.GetTotalMemory(forceFullCollection: true);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {rate} | {sent / seconds} | {traces.SpanCount} | {Median(listTimes):0.0} / {Percentile(listTimes, 0.95):0.0} / {listTimes.Max():0.0} | {Median(traceTimes):0.0} | {Median(logTimes):0.0} | {heap / 1048576.0:0} | {workingSet / 1048576.0:0} |"));
}
await app.StopAsync();
Directory.Delete(data, recursive: true);

async Task<double> TimeAsync(string path)
{
    var clock = Stopwatch.StartNew();
    using var response = await browser.GetAsync(path);
    await response.Content.ReadAsByteArrayAsync();
    response.EnsureSuccessStatusCode();
    return clock.Elapsed.TotalMilliseconds;
}

static ExportTraceServiceRequest Request(int spans)
{
    var request = new ExportTraceServiceRequest();
    string[] services = ["web", "api", "worker"];
    var byService = services.ToDictionary(s => s, s => new ScopeSpans { Scope = new InstrumentationScope { Name = $"Platform.{s}" } });
    var now = (ulong)(DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;
    for (var trace = 0; trace < spans / 5; trace++)
    {
        var traceId = ByteString.CopyFrom(RandomBytes(16));
        var ids = Enumerable.Range(0, 5).Select(_ => ByteString.CopyFrom(RandomBytes(8))).ToArray();
        string[] names = ["GET /assets", "GET /api/assets", "SELECT assets", "XADD jobs", "process asset"];
        for (var i = 0; i < 5; i++)
        {
            var service = services[Math.Min(i / 2, 2)];
            byService[service].Spans.Add(new Span
            {
                TraceId = traceId,
                SpanId = ids[i],
                ParentSpanId = i == 0 ? ByteString.Empty : ids[i - 1],
                Name = names[i],
                Kind = i % 2 == 0 ? Span.Types.SpanKind.Server : Span.Types.SpanKind.Client,
                StartTimeUnixNano = now + (ulong)i * 1_000_000,
                EndTimeUnixNano = now + (ulong)(10 - i) * 2_000_000,
                Attributes =
                {
                    Attribute("http.request.method", "GET"), Attribute("url.path", "/api/assets"), Attribute("http.route", "/api/assets"),
                    Attribute("server.address", "localhost"), Attribute("db.system.name", "postgresql"), Attribute("db.query.text", "SELECT id, name, status FROM assets ORDER BY created_at DESC LIMIT 50"),
                    Attribute("network.protocol.version", "1.1"), Attribute("http.response.status_code", "200"),
                },
            });
        }
    }
    foreach (var service in services)
    {
        request.ResourceSpans.Add(new ResourceSpans
        {
            Resource = new OtlpResource { Attributes = { Attribute("service.name", service), Attribute("service.instance.id", $"{service}-bench") } },
            ScopeSpans = { byService[service] },
        });
    }
    return request;
}

static KeyValue Attribute(string key, string value) => new() { Key = key, Value = new AnyValue { StringValue = value } };

static byte[] RandomBytes(int count) => System.Security.Cryptography.RandomNumberGenerator.GetBytes(count);

static double Median(List<double> values) => Percentile(values, 0.5);

static double Percentile(List<double> values, double q)
{
    if (values.Count == 0)
    {
        return double.NaN;
    }
    var sorted = values.Order().ToList();
    return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static string RuntimeInformationText()
{
    var os = File.Exists("/etc/os-release")
        ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?["PRETTY_NAME=".Length..].Trim('"')
        : null;
    return $"{os ?? System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
}
