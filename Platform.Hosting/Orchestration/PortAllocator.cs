using System.Net;
using System.Net.Sockets;

namespace Platform.Hosting.Orchestration;

/// <summary>Free loopback ports, chosen by the kernel. All listeners stay open until the batch is complete,
/// so one batch never hands out the same port twice.</summary>
internal static class PortAllocator
{
    public static int[] Allocate(int count)
    {
        var listeners = new List<TcpListener>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }
            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }

    public static int Allocate() => Allocate(1)[0];
}
