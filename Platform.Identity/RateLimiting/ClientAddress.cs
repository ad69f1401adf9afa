using System.Net;
using System.Net.Sockets;

namespace Platform.Identity.RateLimiting;

/// <summary>Who a per-address limit counts: the client's address (behind a load balancer, the caller's, by the
/// forwarded-headers middleware).</summary>
public static class ClientAddress
{
    /// <summary>An IPv6 caller counts as its /64 (what one household or host is given), so that it cannot rotate through
    /// the addresses of its own prefix.</summary>
    public static string KeyOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }
}
