using Platform.Clients;

namespace Platform.StackExchange.Redis;

/// <summary>The settings of Aspire.StackExchange.Redis, with the same names.</summary>
public sealed class StackExchangeRedisSettings : IClientSettings
{
    public string? ConnectionString { get; set; }
    public bool DisableHealthChecks { get; set; }
}
