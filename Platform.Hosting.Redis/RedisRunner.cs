using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Hosting.Orchestration;

namespace Platform.Hosting.Redis;

/// <summary>
/// Runs <c>redis-server</c> from a config file written for each run: the password stays out of the process
/// list, and the append-only file keeps every write (fsync each second) in the data folder.
/// </summary>
internal sealed class RedisRunner : ILocalRunner
{
    private static readonly NativeTool Server = NativeTool.OnPath("redis-server", "apt-get install -y redis-server");

    public IEnumerable<NativeTool> RequiredTools => [Server];

    public async Task<ProcessSpec?> PrepareAsync(LocalRunContext context, CancellationToken cancellationToken)
    {
        var redis = (RedisResource)context.Resource;
        await context.CreateServiceDirectoryAsync(context.DataDirectory, cancellationToken);
        var config = Path.Combine(context.DataDirectory, "redis.conf");
        await context.WritePrivateFileAsync(config, $"""
            port {context.PortOf(RedisResource.EndpointName)}
            bind 127.0.0.1 -::1
            protected-mode yes
            daemonize no
            dir {context.DataDirectory}
            requirepass "{Escape(await redis.Password.GetValueAsync(cancellationToken) ?? "")}"
            appendonly yes
            appendfsync everysec
            save ""
            """, cancellationToken);
        return new ProcessSpec(context.Tools.PathOf(Server), [config]);
    }

    /// <summary>A real RESP exchange: AUTH, then PING must answer PONG.</summary>
    public async Task<HealthStatus> CheckHealthAsync(LocalRunContext context, CancellationToken cancellationToken)
    {
        var redis = (RedisResource)context.Resource;
        using var client = new TcpClient();
        await client.ConnectAsync("localhost", context.PortOf(RedisResource.EndpointName), cancellationToken);
        var stream = client.GetStream();
        var password = await redis.Password.GetValueAsync(cancellationToken) ?? "";
        await stream.WriteAsync(Encoding.UTF8.GetBytes(Command("AUTH", password) + Command("PING")), cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var auth = await reader.ReadLineAsync(cancellationToken);
        var pong = await reader.ReadLineAsync(cancellationToken);
        // While it loads its append-only file, Redis answers -LOADING.
        return auth == "+OK" && pong == "+PONG" ? HealthStatus.Healthy : HealthStatus.Unhealthy;
    }

    private static string Command(params string[] parts) =>
        $"*{parts.Length}\r\n" + string.Concat(parts.Select(p => $"${Encoding.UTF8.GetByteCount(p)}\r\n{p}\r\n"));

    private static string Escape(string value) => value.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
