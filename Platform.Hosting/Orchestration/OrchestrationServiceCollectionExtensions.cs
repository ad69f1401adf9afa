using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Platform.Hosting.Parameters;

namespace Platform.Hosting.Orchestration;

internal static class OrchestrationServiceCollectionExtensions
{
    public static IServiceCollection AddLocalOrchestration(this IServiceCollection services, IConfiguration configuration, string appHostDirectory)
    {
        services.AddOptions<LocalRunOptions>()
            .Bind(configuration.GetSection(LocalRunOptions.SectionName))
            .PostConfigure(options =>
            {
                var state = Path.Combine(appHostDirectory, ".platform");
                options.DataDirectory = Path.GetFullPath(string.IsNullOrEmpty(options.DataDirectory) ? Path.Combine(state, "data") : options.DataDirectory);
                options.ToolsDirectory = Path.GetFullPath(string.IsNullOrEmpty(options.ToolsDirectory) ? Path.Combine(state, "tools") : options.ToolsDirectory);
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(provider => new ParameterResolver(
            configuration,
            new SecretStore(Path.Combine(provider.GetRequiredService<IOptions<LocalRunOptions>>().Value.DataDirectory, "secrets.json"))));

        // The view starts first so that it shows the start-up; the orchestrator stops first, so the view shows the stop.
        services.AddHostedService(provider =>
        {
            var options = provider.GetRequiredService<IOptions<LocalRunOptions>>().Value;
            var mode = options.ConsoleView != ConsoleViewMode.Auto ? options.ConsoleView
                : Console.IsOutputRedirected ? ConsoleViewMode.Lines : ConsoleViewMode.Live;
            return new ConsoleView(provider.GetRequiredService<ResourceNotificationService>(), mode);
        });
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<Orchestrator>();
        services.AddHostedService(provider => provider.GetRequiredService<Orchestrator>());
        services.AddSingleton(provider => new ResourceCommandService(
            provider.GetRequiredService<Orchestrator>(),
            provider.GetRequiredService<Platform.Hosting.ApplicationModel.DistributedApplicationModel>(),
            provider.GetRequiredService<ResourceNotificationService>()));
        return services;
    }
}
