using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Tests.Infrastructure;

/// <summary>A span as Aspire's dashboard keeps it: its trace, parent, the service that sent it, and its attributes.</summary>
internal sealed record DashboardSpan(string TraceId, string SpanId, string? ParentSpanId, string Name, int Kind, string Service,
    IReadOnlyDictionary<string, string> Attributes, bool IsError)
{
    public const int ServerKind = 2;

    public string? Attribute(string name) => Attributes.GetValueOrDefault(name);
}

/// <summary>
/// Reads the telemetry that the graph's services sent to Aspire's dashboard, through the dashboard's own telemetry API
/// (<c>/api/telemetry/spans</c>, OTLP JSON, the API key the AppHost gave it), as <c>aspire otel</c> does.
/// </summary>
internal sealed class DashboardTelemetry(HttpClient http) : IDisposable
{
    public static async Task<DashboardTelemetry> ConnectAsync(DistributedApplication app)
    {
        var key = app.Services.GetRequiredService<IConfiguration>()["AppHost:DashboardApiKey"];
        var http = new HttpClient { BaseAddress = await app.GetDashboardUrlAsync() };
        http.DefaultRequestHeaders.Add("x-api-key", key);
        return new DashboardTelemetry(http);
    }

    /// <summary>Every span that <paramref name="service"/> sent.</summary>
    public Task<IReadOnlyList<DashboardSpan>> SpansOfAsync(string service) => GetAsync($"/api/telemetry/spans?resource={Uri.EscapeDataString(service)}");

    /// <summary>Every span of the trace, whichever service sent it.</summary>
    public Task<IReadOnlyList<DashboardSpan>> TraceAsync(string traceId) => GetAsync($"/api/telemetry/traces/{traceId}");

    /// <summary>The warnings and errors that <paramref name="service"/> logged, each with its exception if it had one.</summary>
    public async Task<IReadOnlyList<string>> ProblemsOfAsync(string service)
    {
        var body = await http.GetFromJsonAsync<JsonElement>($"/api/telemetry/logs?resource={Uri.EscapeDataString(service)}");
        return [.. body.GetProperty("data").GetProperty("resourceLogs").EnumerateArray()
            .SelectMany(r => r.GetProperty("scopeLogs").EnumerateArray())
            .SelectMany(scope => scope.GetProperty("logRecords").EnumerateArray())
            .Where(log => log.TryGetProperty("severityNumber", out var severity) && severity.GetInt32() >= 13)
            .Select(log => $"{Value(log.GetProperty("body"))} {Attributes(log).GetValueOrDefault("exception.type")}: {Attributes(log).GetValueOrDefault("exception.message")} {Attributes(log).GetValueOrDefault("exception.stacktrace")}")];
    }

    private async Task<IReadOnlyList<DashboardSpan>> GetAsync(string path)
    {
        var body = await http.GetFromJsonAsync<JsonElement>(path);
        var spans = new List<DashboardSpan>();
        foreach (var resourceSpans in body.GetProperty("data").GetProperty("resourceSpans").EnumerateArray())
        {
            var service = resourceSpans.TryGetProperty("resource", out var resource) ? Attributes(resource).GetValueOrDefault("service.name") ?? "" : "";
            foreach (var scope in resourceSpans.GetProperty("scopeSpans").EnumerateArray())
            {
                spans.AddRange(scope.GetProperty("spans").EnumerateArray().Select(span => new DashboardSpan(
                    span.GetProperty("traceId").GetString()!,
                    span.GetProperty("spanId").GetString()!,
                    span.TryGetProperty("parentSpanId", out var parent) ? parent.GetString() : null,
                    span.GetProperty("name").GetString()!,
                    span.GetProperty("kind").GetInt32(),
                    service,
                    Attributes(span),
                    span.TryGetProperty("status", out var status) && status.TryGetProperty("code", out var code) && code.GetInt32() == 2)));
            }
        }
        return spans;
    }

    private static Dictionary<string, string> Attributes(JsonElement element) =>
        element.TryGetProperty("attributes", out var attributes)
            ? attributes.EnumerateArray().ToDictionary(a => a.GetProperty("key").GetString()!, a => Value(a.GetProperty("value")))
            : [];

    private static string Value(JsonElement value) =>
        value.EnumerateObject().FirstOrDefault() is { Value: var inner } ? inner.ValueKind == JsonValueKind.String ? inner.GetString()! : inner.ToString() : "";

    public void Dispose() => http.Dispose();
}
