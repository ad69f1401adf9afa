using System.Net;
using System.Net.Sockets;

namespace LoadDriver;

/// <summary>
/// The driver's connections: each simulated person's "browser" is the tests' cookie jar (TestBrowserHandler, linked from
/// Platform.Tests) over connections from its own loopback address. The address matters to identity, which limits
/// sign-ins per client address: people do not share one.
/// </summary>
internal static class BrowserHandler
{
    public static HttpMessageHandler For(IPAddress sourceAddress, int identityPort) =>
        new Platform.Tests.Identity.TestBrowserHandler(Sockets(sourceAddress, identityPort));

    /// <summary>Connects to IPv4 loopback; to identity (its port) from <paramref name="sourceAddress"/> (any 127.x.y.z is
    /// this machine). Only there: a bind before connect takes a port of its own from the ephemeral range for each
    /// connection, which a load of thousands of connections must not do.</summary>
    public static SocketsHttpHandler Sockets(IPAddress? sourceAddress = null, int identityPort = 0) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        // As a load balancer's pool of upstream connections: bounded, so that a slow moment does not turn into a storm of
        // new connections (whose SYNs overflow the server's accept queue of 512 and wait seconds for a retransmit), yet
        // large enough that slow requests (5 MB uploads) do not hold up the rest: with 64, at 400 requests/s the api's
        // own answers took under 2 s while requests waited here 10 s for a connection. Beyond it, requests queue here,
        // and their wait counts as latency (the open loop's clock started when they were due).
        MaxConnectionsPerServer = 256,
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                if (sourceAddress is not null && context.DnsEndPoint.Port == identityPort)
                {
                    socket.Bind(new IPEndPoint(sourceAddress, 0));
                }
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
