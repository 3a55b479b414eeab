using System.Net;
using System.Net.Sockets;

namespace TreasuryArena.Server.Http;

/// <summary>
/// Where an unauthenticated request comes from, for the anonymous rate limit and the refusal summary: the connection's
/// remote address as the framework gives it (after forwarded-headers processing for configured proxies, if any). An
/// IPv4-mapped IPv6 address counts as its IPv4 address; any other IPv6 address as its /64 prefix, since one host
/// usually holds a whole /64 and could otherwise change address per request. No address (an in-memory test server):
/// <see cref="IPAddress.None"/>.
/// </summary>
public static class ClientSource
{
    public static IPAddress Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return IPAddress.None;
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6 || IPAddress.IsLoopback(address))
        {
            return address;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes);
    }

    /// <summary>The source as written in audit entries ("unknown" when the connection has no address).</summary>
    public static string Describe(IPAddress source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Equals(IPAddress.None))
        {
            return "unknown";
        }

        return source.AddressFamily == AddressFamily.InterNetworkV6 && !IPAddress.IsLoopback(source) ? source + "/64" : source.ToString();
    }
}
