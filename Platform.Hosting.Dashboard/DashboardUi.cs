using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Platform.Hosting.ApplicationModel;
using Platform.Hosting.Dashboard.Pages;
using Platform.Hosting.Dashboard.Security;
using Platform.Hosting.Dashboard.Telemetry;
using Platform.Hosting.Orchestration;

namespace Platform.Hosting.Dashboard;

/// <summary>
/// The browser UI: server-rendered pages, the fragments their script refreshes, the console stream and the
/// resource commands. Everything but the login page needs the session cookie that the token buys.
/// </summary>
internal static class DashboardUi
{
    public static WebApplication Build(IServiceProvider appHostServices, DashboardEndpoints endpoints, string applicationName)
    {
        var builder = EmbeddedWebApplication.CreateBuilder(appHostServices, (endpoints.Port, HttpProtocols.Http1));
        var app = builder.Build();
        var sessions = new BrowserSessions(endpoints);
        var notifications = appHostServices.GetRequiredService<ResourceNotificationService>();
        var model = appHostServices.GetRequiredService<DistributedApplicationModel>();
        var logs = appHostServices.GetRequiredService<ResourceLoggerService>();
        var commands = appHostServices.GetRequiredService<ResourceCommandService>();
        var traces = appHostServices.GetRequiredService<TraceStore>();
        var structured = appHostServices.GetRequiredService<LogStore>();
        var metrics = appHostServices.GetRequiredService<MetricStore>();

        app.Use(async (context, next) =>
        {
            // The pages are the AppHost's own: no framing by other sites, no guessing of content types.
            context.Response.Headers["X-Frame-Options"] = "DENY";
            context.Response.Headers["X-Content-Type-Options"] = "nosniff";
            context.Response.Headers["Cache-Control"] = "no-store";
            await next(context);
        });
        app.Use(SameOriginRequests.RequireAsync);
        app.Use(sessions.RequireLoginAsync);
        app.UseRouting();

        IResult Page(string title, string section, string content) => Results.Content(Layout.Page(title, section, content, applicationName), "text/html; charset=utf-8");
        IResult Fragment(string html) => Results.Content(html, "text/html; charset=utf-8");

        app.MapGet("/login", (HttpContext context, string? t) =>
            t is null ? Results.Content(Layout.Login(null), "text/html; charset=utf-8")
            : sessions.TryLogIn(context, t) ? Results.Redirect("/")
            : Results.Content(Layout.Login("That token is not this run's. Use the link the AppHost printed last."), "text/html; charset=utf-8", statusCode: 401));
        app.MapPost("/login", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            return sessions.TryLogIn(context, form["t"])
                ? Results.Redirect("/")
                : Results.Content(Layout.Login("That token is not this run's. Use the link the AppHost printed last."), "text/html; charset=utf-8", statusCode: 401);
        }).DisableAntiforgery();
        app.MapGet("/assets/{name}", (string name) => Assets.Get(name));

        app.MapGet("/", () => Page("Resources", "/", ResourcesPage.Content(notifications.Snapshots, GraphPicture.Render(model, notifications.Snapshots))));
        app.MapGet("/fragments/resources", () => Fragment(ResourcesPage.Table(notifications.Snapshots)));
        app.MapGet("/fragments/graph", () => Fragment(GraphPicture.Render(model, notifications.Snapshots)));
        app.MapPost("/api/resources/{name}/{command}", async (string name, string command, CancellationToken cancellationToken) =>
        {
            try
            {
                var snapshot = await commands.ExecuteCommandAsync(name, command, cancellationToken);
                return Results.Json(new { snapshot.Name, snapshot.State, Health = snapshot.Health?.ToString(), snapshot.Message });
            }
            catch (ArgumentException e)
            {
                return Results.NotFound(new { error = e.Message });
            }
            catch (InvalidOperationException e)
            {
                return Results.Conflict(new { error = e.Message });
            }
        });

        app.MapGet("/consolelogs/{name?}", (string? name) => Page("Console logs", "/consolelogs", ConsolePage.Content(notifications.Snapshots, name)));
        app.MapGet("/api/console/{name}/stream", (HttpContext context, string name) =>
            model.Resources.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)) is { } resource
                ? StreamConsoleAsync(context, logs.GetLog(resource.Name), app.Lifetime.ApplicationStopping)
                : Results.NotFound().ExecuteAsync(context));

        app.MapGet("/structuredlogs", (string? resource, string? level, string? text, string? traceId) =>
            Page("Structured logs", "/structuredlogs", StructuredLogsPage.Content(structured, LogFilter(resource, level, text, traceId))));
        app.MapGet("/fragments/structuredlogs", (string? resource, string? level, string? text, string? traceId) =>
            Fragment(StructuredLogsPage.Table(structured, LogFilter(resource, level, text, traceId))));

        app.MapGet("/traces", (string? resource, string? minDuration, string? text) =>
            Page("Traces", "/traces", TracesPage.Content(traces, TraceFilter(resource, minDuration, text))));
        app.MapGet("/fragments/traces", (string? resource, string? minDuration, string? text) =>
            Fragment(TracesPage.Table(traces, TraceFilter(resource, minDuration, text))));
        app.MapGet("/traces/{traceId}", (string traceId) =>
            Page("Trace", "/traces", TraceDetailPage.Content(traces.Get(traceId.ToLowerInvariant()), traceId)));

        IReadOnlyList<string> MetricResources() => [.. metrics.Instruments().Select(i => i.Service).Distinct().Order(StringComparer.Ordinal)];
        app.MapGet("/metrics/{resource?}", (string? resource, string? meter, string? instrument) =>
            Page("Metrics", "/metrics", MetricsPage.Content(metrics, MetricResources(), new MetricsPage.Selection(resource ?? MetricResources().FirstOrDefault(), meter, instrument))));
        app.MapGet("/fragments/metrics/{resource}", (string resource, string meter, string instrument) =>
            metrics.Instruments(resource).FirstOrDefault(i => i.Meter == meter && i.Name == instrument) is { } found
                ? Fragment(MetricsPage.Charts(metrics, found))
                : Fragment(""));
        return app;
    }

    // Filters arrive as text: an empty form field is "no filter", not a bad request.
    private static StructuredLogsPage.Filter LogFilter(string? resource, string? level, string? text, string? traceId) =>
        new(NullIfEmpty(resource), int.TryParse(level, out var severity) ? severity : 0, NullIfEmpty(text), NullIfEmpty(traceId)?.ToLowerInvariant());

    private static TracesPage.Filter TraceFilter(string? resource, string? minDuration, string? text) =>
        new(NullIfEmpty(resource),
            double.TryParse(minDuration, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var ms) && ms > 0 ? ms : null,
            NullIfEmpty(text));

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Server-sent events: the lines kept so far, then each new line, until the browser goes away or the
    /// dashboard stops (a stream never ends by itself, and must not hold up the AppHost's stop).</summary>
    private static async Task StreamConsoleAsync(HttpContext context, ResourceLog log, CancellationToken stopping)
    {
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        context.Response.ContentType = "text/event-stream";
        var backlogEnd = log.LastSequence;
        try
        {
            await foreach (var line in log.WatchAsync(ended.Token))
            {
                var time = line.Timestamp.ToLocalTime().ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture);
                await context.Response.WriteAsync($"data: {JsonSerializer.Serialize(new { s = line.Sequence, t = time, e = line.IsError, x = line.Text })}\n\n", ended.Token);
                if (line.Sequence >= backlogEnd)
                {
                    await context.Response.Body.FlushAsync(ended.Token);
                }
            }
        }
        catch (OperationCanceledException) when (ended.IsCancellationRequested)
        {
        }
    }
}
