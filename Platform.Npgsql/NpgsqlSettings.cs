using Platform.Clients;

namespace Platform.Npgsql;

/// <summary>The settings of Aspire.Npgsql, with the same names.</summary>
public sealed class NpgsqlSettings : IClientSettings
{
    public string? ConnectionString { get; set; }
    public bool DisableHealthChecks { get; set; }
    public bool DisableTracing { get; set; }
    public bool DisableMetrics { get; set; }
}
