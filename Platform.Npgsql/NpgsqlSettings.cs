using Platform.Clients;

namespace Platform.Npgsql;

/// <summary>The settings of Aspire.Npgsql, with the same names, and <see cref="MaxPoolSize"/>.</summary>
public sealed class NpgsqlSettings : IClientSettings
{
    public string? ConnectionString { get; set; }
    public bool DisableHealthChecks { get; set; }
    public bool DisableTracing { get; set; }
    public bool DisableMetrics { get; set; }

    /// <summary>This service's share of the server's connections (Npgsql's default is 100, PostgreSQL's whole
    /// <c>max_connections</c>). Aspire leaves it to the connection string; here the connection string names the server and
    /// each service sets its own share (the budget is in this assembly's README).</summary>
    public int? MaxPoolSize { get; set; }
}
