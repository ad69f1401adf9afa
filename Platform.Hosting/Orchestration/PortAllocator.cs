using System.Net;
using System.Net.Sockets;

namespace Platform.Hosting.Orchestration;

/// <summary>
/// Free loopback ports for a run. They are chosen below the kernel's ephemeral range, so that no outgoing
/// connection can take a port between its allocation and the moment its server binds it. Each is checked free
/// by binding it; all listeners stay open until the batch is complete, so a batch never repeats a port.
/// </summary>
internal static class PortAllocator
{
    private const int Lowest = 10_000;

    public static int[] Allocate(int count)
    {
        var (first, last) = Range();
        var listeners = new List<TcpListener>(count);
        try
        {
            for (var attempts = 0; listeners.Count < count; attempts++)
            {
                if (attempts > 1000)
                {
                    throw new DistributedApplicationException($"Could not find {count} free ports between {first} and {last}.");
                }
                var listener = new TcpListener(IPAddress.Loopback, Random.Shared.Next(first, last + 1));
                try
                {
                    listener.Start();
                    listeners.Add(listener);
                }
                catch (SocketException)
                {
                    listener.Dispose();
                }
            }
            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }

    public static int Allocate() => Allocate(1)[0];

    /// <summary>The ports below the ephemeral range (Linux: /proc/sys/net/ipv4/ip_local_port_range, usually 32768-60999).</summary>
    private static (int First, int Last) Range()
    {
        const string ephemeral = "/proc/sys/net/ipv4/ip_local_port_range";
        var ephemeralStart = File.Exists(ephemeral)
            && int.TryParse(File.ReadAllText(ephemeral).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0], out var start)
            ? start
            : 32768;
        return ephemeralStart - 1 > Lowest + 1000 ? (Lowest, ephemeralStart - 1) : (Lowest, 65535);
    }
}
