using Microsoft.Extensions.Configuration;
using Platform.Worker.Queue;

namespace Platform.Tests.Infrastructure;

/// <summary>The services' own settings, read from their appsettings.json as the services read them, so that a test
/// asserts whatever limit the service runs with instead of a copy of it.</summary>
internal static class ServiceSettings
{
    public static QueueOptions WorkerQueue { get; } = Read("Platform.Worker").GetSection(QueueOptions.SectionName).Get<QueueOptions>()!;

    public static IConfiguration Read(string project) => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(Repository.Root, project, "appsettings.json"), optional: false)
        .Build();
}
