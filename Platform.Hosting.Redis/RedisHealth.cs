using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.Hosting.Redis;

/// <summary>A real RESP exchange: AUTH, then PING must answer PONG (while it loads its append-only file, Redis answers -LOADING).</summary>
internal static class RedisHealth
{
    public static async Task<HealthCheckResult> CheckAsync(RedisResource redis, CancellationToken cancellationToken)
    {
        var port = int.Parse(await redis.PrimaryEndpoint.Property(EndpointProperty.Port).GetValueAsync(cancellationToken) ?? "0", CultureInfo.InvariantCulture);
        using var client = new TcpClient();
        await client.ConnectAsync("localhost", port, cancellationToken);
        var stream = client.GetStream();
        var password = await redis.Password.GetValueAsync(cancellationToken) ?? "";
        await stream.WriteAsync(Encoding.UTF8.GetBytes(Command("AUTH", password) + Command("PING")), cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var auth = await reader.ReadLineAsync(cancellationToken);
        var pong = await reader.ReadLineAsync(cancellationToken);
        return auth == "+OK" && pong == "+PONG" ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy($"AUTH answered {auth}, PING answered {pong}");
    }

    private static string Command(params string[] parts) =>
        $"*{parts.Length}\r\n" + string.Concat(parts.Select(p => $"${Encoding.UTF8.GetByteCount(p)}\r\n{p}\r\n"));
}
