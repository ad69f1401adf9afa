using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Microsoft.Extensions.Hosting;

public static class NpgsqlPoolShare
{
    /// <summary>
    /// This service's share of the server's connections, for Aspire's <c>AddNpgsqlDataSource(name,
    /// configureDataSourceBuilder: builder.PoolShare(name))</c>: <c>Aspire:Npgsql:{name}:MaxPoolSize</c>. Npgsql's default
    /// pool is 100, PostgreSQL's whole <c>max_connections</c>: at 800 requests/s the api alone took them all. The connection
    /// string names the server; each service sets its share (the budget is in this assembly's README).
    /// </summary>
    public static Action<NpgsqlDataSourceBuilder> PoolShare(this IHostApplicationBuilder builder, string connectionName)
    {
        var maxPoolSize = builder.Configuration.GetValue<int?>($"Aspire:Npgsql:{connectionName}:MaxPoolSize");
        return dataSource =>
        {
            if (maxPoolSize is { } size)
            {
                dataSource.ConnectionStringBuilder.MaxPoolSize = size;
            }
        };
    }
}
