using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Platform.Hosting.Publishing;

internal static class PublishingServiceCollectionExtensions
{
    public static IServiceCollection AddPublishing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PublishingOptions>().Bind(configuration.GetSection(PublishingOptions.SectionName));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDistributedApplicationPublisher, ManifestPublisher>());
        services.AddHostedService<PublishingHost>();
        return services;
    }
}
