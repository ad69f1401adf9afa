using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Publishing;

/// <summary>In publish mode the application runs the chosen publisher, then stops; nothing else starts.</summary>
internal sealed class PublishingHost(
    IOptions<PublishingOptions> options,
    IEnumerable<IDistributedApplicationPublisher> publishers,
    DistributedApplicationModel model,
    IHostEnvironment environment,
    IHostApplicationLifetime lifetime) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var known = publishers.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        var name = options.Value.Publisher;
        if (!known.TryGetValue(name, out var publisher))
        {
            throw new DistributedApplicationException(
                $"Unknown publisher '{name}'. Known publishers: {string.Join(", ", known.Keys.Order())}. Example: --publisher manifest --output-path aspire-manifest.json");
        }
        if (string.IsNullOrWhiteSpace(options.Value.OutputPath))
        {
            throw new DistributedApplicationException(
                $"The publisher '{publisher.Name}' needs --output-path <path>, for example: --publisher {publisher.Name} --output-path aspire-manifest.json");
        }
        // Relative to the AppHost's folder, so the same command works from wherever it is run.
        var outputPath = Path.GetFullPath(options.Value.OutputPath, environment.ContentRootPath);
        await publisher.PublishAsync(model, outputPath, cancellationToken);
        Console.Out.WriteLine($"Published with '{publisher.Name}' to {outputPath}");
        lifetime.StopApplication();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
