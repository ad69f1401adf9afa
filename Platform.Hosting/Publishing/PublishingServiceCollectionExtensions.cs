using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Hosting.Publishing;

internal static class PublishingServiceCollectionExtensions
{
    public static IServiceCollection AddPublishing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PublishingOptions>().Bind(configuration.GetSection(PublishingOptions.SectionName));
        return services;
    }
}
