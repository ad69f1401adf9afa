using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Platform.Hosting.Dashboard.Otlp.Proto.Collector.Logs;
using Platform.Hosting.Dashboard.Otlp.Proto.Collector.Metrics;
using Platform.Hosting.Dashboard.Otlp.Proto.Collector.Trace;
using Platform.Hosting.Dashboard.Telemetry;

namespace Platform.Hosting.Dashboard.Otlp;

/// <summary>
/// Receives OTLP from the projects: gRPC on one port (what Aspire's projects use), HTTP/protobuf on another
/// (<c>/v1/traces</c>, <c>/v1/logs</c>, <c>/v1/metrics</c>). Every request must carry the run's API key in
/// <c>x-otlp-api-key</c>, checked before its body is read (<see cref="OtlpApiKeyCheck"/>).
/// </summary>
internal static class OtlpIntake
{
    /// <summary>Larger exports are refused; the SDKs send batches of at most a few hundred kilobytes.</summary>
    private const int MaxRequestBytes = 16 * 1024 * 1024;

    public static WebApplication Build(IServiceProvider appHostServices, DashboardEndpoints endpoints)
    {
        var builder = EmbeddedWebApplication.CreateBuilder(appHostServices,
            (endpoints.OtlpGrpcPort, HttpProtocols.Http2),
            (endpoints.OtlpHttpPort, HttpProtocols.Http1));
        builder.Services.AddSingleton(appHostServices.GetRequiredService<TraceStore>());
        builder.Services.AddSingleton(appHostServices.GetRequiredService<LogStore>());
        builder.Services.AddSingleton(appHostServices.GetRequiredService<MetricStore>());
        builder.Services.AddGrpc(options => options.MaxReceiveMessageSize = MaxRequestBytes);

        var app = builder.Build();
        app.Use(new OtlpApiKeyCheck(endpoints).RequireKeyAsync);
        app.UseRouting();
        var grpc = $"*:{endpoints.OtlpGrpcPort}";
        app.MapGrpcService<TraceIntake>().RequireHost(grpc);
        app.MapGrpcService<LogsIntake>().RequireHost(grpc);
        app.MapGrpcService<MetricsIntake>().RequireHost(grpc);
        var http = app.MapGroup("/v1").RequireHost($"*:{endpoints.OtlpHttpPort}");
        http.MapPost("/traces", (HttpContext context, TraceStore store) =>
            ExportAsync(context, ExportTraceServiceRequest.Parser, request => store.Add(request.ResourceSpans), new ExportTraceServiceResponse()));
        http.MapPost("/logs", (HttpContext context, LogStore store) =>
            ExportAsync(context, ExportLogsServiceRequest.Parser, request => store.Add(request.ResourceLogs), new ExportLogsServiceResponse()));
        http.MapPost("/metrics", (HttpContext context, MetricStore store) =>
            ExportAsync(context, ExportMetricsServiceRequest.Parser, request => store.Add(request.ResourceMetrics), new ExportMetricsServiceResponse()));
        return app;
    }

    private static async Task<IResult> ExportAsync<TRequest>(HttpContext context, Google.Protobuf.MessageParser<TRequest> parser,
        Action<TRequest> add, Google.Protobuf.IMessage response)
        where TRequest : Google.Protobuf.IMessage<TRequest>
    {
        if (context.Request.ContentType?.StartsWith("application/x-protobuf", StringComparison.OrdinalIgnoreCase) != true)
        {
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }
        if (context.Request.ContentLength > MaxRequestBytes)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        TRequest request;
        try
        {
            request = parser.ParseFrom(body.GetBuffer().AsSpan(0, (int)body.Length));
        }
        catch (Google.Protobuf.InvalidProtocolBufferException)
        {
            return Results.BadRequest();
        }
        add(request);
        return Results.Bytes(Google.Protobuf.MessageExtensions.ToByteArray(response), "application/x-protobuf");
    }

    private sealed class TraceIntake(TraceStore store) : TraceService.TraceServiceBase
    {
        public override Task<ExportTraceServiceResponse> Export(ExportTraceServiceRequest request, ServerCallContext context)
        {
            store.Add(request.ResourceSpans);
            return Task.FromResult(new ExportTraceServiceResponse());
        }
    }

    private sealed class LogsIntake(LogStore store) : LogsService.LogsServiceBase
    {
        public override Task<ExportLogsServiceResponse> Export(ExportLogsServiceRequest request, ServerCallContext context)
        {
            store.Add(request.ResourceLogs);
            return Task.FromResult(new ExportLogsServiceResponse());
        }
    }

    private sealed class MetricsIntake(MetricStore store) : MetricsService.MetricsServiceBase
    {
        public override Task<ExportMetricsServiceResponse> Export(ExportMetricsServiceRequest request, ServerCallContext context)
        {
            store.Add(request.ResourceMetrics);
            return Task.FromResult(new ExportMetricsServiceResponse());
        }
    }
}
