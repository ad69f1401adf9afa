using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Platform.Hosting.Dashboard.Otlp;

namespace Platform.Hosting.Dashboard;

/// <summary>
/// Serves the dashboard and the OTLP intake for the length of a run. It starts before the console view and the
/// orchestrator, so that its login link is printed above the live table and the UI shows the whole start; it
/// stops after them, so that it shows the stop too.
/// </summary>
internal sealed class DashboardService(IServiceProvider services, DashboardEndpoints endpoints, IHostEnvironment environment) : IHostedService
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(2);
    private WebApplication? _otlp;
    private WebApplication? _ui;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var name = environment.ApplicationName is { Length: > 0 } application && application.EndsWith(".AppHost", StringComparison.Ordinal)
            ? application[..^".AppHost".Length]
            : "Platform";
        _otlp = OtlpIntake.Build(services, endpoints);
        _ui = DashboardUi.Build(services, endpoints, name);
        try
        {
            await _otlp.StartAsync(cancellationToken);
            await _ui.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            throw new DistributedApplicationException(
                $"The dashboard cannot listen on ports {endpoints.Port}, {endpoints.OtlpGrpcPort} and {endpoints.OtlpHttpPort} ({e.Message}). " +
                "Is another AppHost running? Stop it, or choose free ports with --Dashboard:Port=0 --Dashboard:OtlpGrpcPort=0 --Dashboard:OtlpHttpPort=0.");
        }
        // Written straight to the console, in order, before the live table takes the screen over.
        await Console.Out.WriteLineAsync($"Now listening on: {endpoints.Url.ToString().TrimEnd('/')}");
        await Console.Out.WriteLineAsync($"Login to the dashboard at {endpoints.LoginUrl}");
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StopTimeout);
        foreach (var app in new[] { _ui, _otlp }.OfType<WebApplication>())
        {
            await app.StopAsync(timeout.Token);
            await app.DisposeAsync();
        }
        (_ui, _otlp) = (null, null);
    }
}
