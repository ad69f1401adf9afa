using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.Hosting.Dashboard;

/// <summary>
/// A Kestrel web application that lives inside the AppHost's host: it logs through the AppHost's loggers and
/// leaves Ctrl+C and SIGTERM to the AppHost, which stops it last, so that the dashboard shows the shutdown.
/// </summary>
internal static class EmbeddedWebApplication
{
    public static WebApplicationBuilder CreateBuilder(IServiceProvider appHostServices, params (int Port, HttpProtocols Protocols)[] listeners)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "Platform.Dashboard" });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            foreach (var (port, protocols) in listeners)
            {
                kestrel.ListenLocalhost(port, listen => listen.Protocols = protocols);
            }
        });
        builder.Services.AddRoutingCore();
        builder.Services.Replace(ServiceDescriptor.Singleton(appHostServices.GetRequiredService<ILoggerFactory>()));
        builder.Services.Replace(ServiceDescriptor.Singleton<IHostLifetime, AppHostOwnedLifetime>());
        return builder;
    }

    private sealed class AppHostOwnedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
