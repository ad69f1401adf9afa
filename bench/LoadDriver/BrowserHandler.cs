using System.Net;
using System.Net.Sockets;

namespace LoadDriver;

/// <summary>
/// An HTTP "browser" of one simulated person: its own cookie jar (one for every port, Secure cookies kept over plain
/// HTTP, as browsers do on localhost), redirects not followed, and connections from its own loopback address.
/// The address matters to identity, which limits sign-ins per client address: people do not share one.
/// </summary>
internal sealed class BrowserHandler(IPAddress sourceAddress, int identityPort) : DelegatingHandler(Sockets(sourceAddress, identityPort))
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public bool HasCookie(string name)
    {
        lock (_cookies)
        {
            return _cookies.ContainsKey(name);
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_cookies)
        {
            if (_cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            }
        }
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            lock (_cookies)
            {
                foreach (var setCookie in setCookies)
                {
                    Keep(setCookie);
                }
            }
        }
        return response;
    }

    private void Keep(string setCookie)
    {
        var attributes = setCookie.Split(';', StringSplitOptions.TrimEntries);
        var nameValue = attributes[0].Split('=', 2);
        var expired = attributes.Skip(1).Any(a =>
            a.StartsWith("expires=", StringComparison.OrdinalIgnoreCase) && DateTimeOffset.TryParse(a[8..], out var at) && at < DateTimeOffset.UtcNow
            || a.Equals("max-age=0", StringComparison.OrdinalIgnoreCase));
        if (expired || nameValue.Length < 2 || nameValue[1].Length == 0)
        {
            _cookies.Remove(nameValue[0]);
        }
        else
        {
            _cookies[nameValue[0]] = nameValue[1];
        }
    }

    /// <summary>Connects to IPv4 loopback; to identity (its port) from <paramref name="sourceAddress"/> (any 127.x.y.z is
    /// this machine). Only there: a bind before connect takes a port of its own from the ephemeral range for each
    /// connection, which a load of thousands of connections must not do.</summary>
    public static SocketsHttpHandler Sockets(IPAddress? sourceAddress = null, int identityPort = 0) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        // As a load balancer's pool of upstream connections: bounded, so that a slow moment does not turn into a storm of
        // new connections (whose SYNs overflow the server's accept queue and wait seconds for a retransmit). Beyond it,
        // requests queue here, and their wait counts as latency (the open loop's clock started when they were due).
        MaxConnectionsPerServer = 64,
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
