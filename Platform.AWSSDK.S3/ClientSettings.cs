using Microsoft.Extensions.Configuration;

namespace Platform.AWSSDK.S3;

/// <summary>
/// Binds the client's settings the way Aspire's client integrations do: the section (e.g. <c>Aspire:Npgsql</c>), then its
/// named sub-section (<c>Aspire:Npgsql:{name}</c>), then <c>ConnectionStrings:{name}</c> for the connection string.
/// </summary>
internal static class ClientSettings
{
    public static TSettings Bind<TSettings>(IConfiguration configuration, string sectionName, string connectionName)
        where TSettings : IClientSettings, new()
    {
        var settings = new TSettings();
        configuration.GetSection(sectionName).Bind(settings);
        configuration.GetSection($"{sectionName}:{connectionName}").Bind(settings);
        if (configuration.GetConnectionString(connectionName) is { } connectionString)
        {
            settings.ConnectionString = connectionString;
        }
        if (string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            throw new InvalidOperationException(
                $"ConnectionString is missing. It should be provided in 'ConnectionStrings:{connectionName}' or under the 'ConnectionString' key in '{sectionName}' configuration section.");
        }
        return settings;
    }
}

/// <summary>What every client integration's settings have.</summary>
internal interface IClientSettings
{
    string? ConnectionString { get; set; }
}
