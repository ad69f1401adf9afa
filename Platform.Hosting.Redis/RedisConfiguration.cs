using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Platform.Hosting.Processes;

namespace Platform.Hosting.Redis;

/// <summary>
/// <c>redis-server</c> reads a configuration file written before each start: the password stays out of the process list,
/// and the append-only file keeps every write (fsync each second) in the data folder, because the job queue must survive
/// a restart. The port DCP gave the endpoint follows the file on the command line.
/// </summary>
internal static class RedisConfiguration
{
    public static string FileOf(RedisResource redis) => Path.Combine(redis.DataDirectory, "redis.conf");

    public static async Task WriteAsync(RedisResource redis, BeforeResourceStartedEvent e, CancellationToken cancellationToken)
    {
        var processes = e.Services.GetRequiredService<NativeProcesses>();
        processes.CreateServiceDirectory(redis.DataDirectory);
        var password = await redis.Password.GetValueAsync(cancellationToken) ?? "";
        await processes.WritePrivateFileAsync(FileOf(redis), $"""
            bind 127.0.0.1 -::1
            protected-mode yes
            daemonize no
            dir {redis.DataDirectory}
            requirepass "{Escape(password)}"
            appendonly yes
            appendfsync everysec
            save ""
            """, cancellationToken);
    }

    public static IEnumerable<object> Arguments(RedisResource redis) =>
        [FileOf(redis), "--port", redis.PrimaryEndpoint.Property(EndpointProperty.TargetPort)];

    private static string Escape(string value) => value.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
