using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Hosting.ApplicationModel;
using Platform.Hosting.Orchestration;
using Platform.Hosting.Testing;

namespace Platform.Hosting;

/// <summary>The built graph: runs it here (run mode) or writes it out (publish mode).</summary>
public sealed class DistributedApplication : IHost, IAsyncDisposable
{
    private readonly IHost _host;

    internal DistributedApplication(IHost host) => _host = host;

    public static IDistributedApplicationBuilder CreateBuilder(string[] args) =>
        CreateBuilder(new DistributedApplicationOptions { Args = args });

    public static IDistributedApplicationBuilder CreateBuilder(DistributedApplicationOptions options) =>
        AppHostInterception.Configure(new DistributedApplicationBuilder(AppHostInterception.Adjust(options)));

    public IServiceProvider Services => _host.Services;

    public DistributedApplicationModel Model => Services.GetRequiredService<DistributedApplicationModel>();

    public ResourceNotificationService ResourceNotifications => Services.GetRequiredService<ResourceNotificationService>();

    public ResourceLoggerService ResourceLogs => Services.GetRequiredService<ResourceLoggerService>();

    /// <summary>Starts every resource; returns once all are healthy, or throws naming the one that is not.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => _host.StartAsync(cancellationToken);

    /// <summary>Stops every resource, in reverse dependency order.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _host.StopAsync(cancellationToken);

    public void Run() => RunAsync().GetAwaiter().GetResult();

    /// <summary>Runs until Ctrl+C or SIGTERM. A graph that cannot start ends with its error and exit code 1.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await _host.RunAsync(cancellationToken);
        }
        catch (DistributedApplicationException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            Environment.ExitCode = 1;
        }
        catch (OperationCanceledException)
        {
            // Stopped (Ctrl+C) before every resource was up: everything started has been stopped.
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync($"error: invalid configuration: {string.Join(" ", e.Failures)}");
            Environment.ExitCode = 1;
        }
    }

    public void Dispose() => _host.Dispose();

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        if (_host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }
}
