using System.Net;
using System.Net.Sockets;

namespace Platform.Hosting.Orchestration;

/// <summary>
/// Listens on a replicated resource's endpoint and spreads connections round-robin over its replicas,
/// skipping any that refuse, as Aspire's orchestrator does. Others see one stable address.
/// </summary>
internal sealed class ReplicaProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly IReadOnlyList<int> _replicaPorts;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;
    private int _next;

    public ReplicaProxy(int port, IReadOnlyList<int> replicaPorts)
    {
        _replicaPorts = replicaPorts;
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        _accepting = AcceptAsync(_stopping.Token);
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(cancellationToken);
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            _ = ForwardAsync(client, cancellationToken);
        }
    }

    private async Task ForwardAsync(Socket client, CancellationToken cancellationToken)
    {
        using (client)
        using (var upstream = await ConnectToReplicaAsync(cancellationToken))
        {
            if (upstream is null)
            {
                return;
            }
            await using var clientStream = new NetworkStream(client, ownsSocket: false);
            await using var upstreamStream = new NetworkStream(upstream, ownsSocket: false);
            try
            {
                await Task.WhenAll(
                    PipeAsync(clientStream, upstream, cancellationToken),
                    PipeAsync(upstreamStream, client, cancellationToken));
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
            }
        }
    }

    /// <summary>Copies one direction, then half-closes the other side so the peer sees the end of the stream.</summary>
    private static async Task PipeAsync(Stream from, Socket to, CancellationToken cancellationToken)
    {
        try
        {
            await from.CopyToAsync(new NetworkStream(to, ownsSocket: false), cancellationToken);
            to.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task<Socket?> ConnectToReplicaAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < _replicaPorts.Count; attempt++)
        {
            var port = _replicaPorts[(int)((uint)Interlocked.Increment(ref _next) % _replicaPorts.Count)];
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return socket;
            }
            catch (SocketException)
            {
                socket.Dispose();
            }
        }
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stopping.Dispose();
    }
}
