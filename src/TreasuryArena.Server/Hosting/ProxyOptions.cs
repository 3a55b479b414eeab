using System.Net;

namespace TreasuryArena.Server.Hosting;

/// <summary>
/// The reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> the server believes (section <c>Http</c>):
/// <see cref="KnownProxies"/> (addresses, e.g. <c>127.0.0.1</c>) and <see cref="KnownNetworks"/> (CIDR, e.g.
/// <c>10.0.0.0/8</c>). None by default: the headers are ignored from everyone, so a client cannot claim HTTPS or
/// another address. ASP.NET's own default (loopback trusted) is cleared.
/// </summary>
public sealed class ProxyOptions
{
    public const string SectionName = "Http";

    public string[] KnownProxies { get; set; } = [];

    public string[] KnownNetworks { get; set; } = [];

    /// <summary>True when at least one proxy or network is configured.</summary>
    public bool Any => KnownProxies.Length > 0 || KnownNetworks.Length > 0;

    public IEnumerable<IPAddress> Proxies() => KnownProxies.Select(p => IPAddress.Parse(p.Trim()));

    public IEnumerable<IPNetwork> Networks() => KnownNetworks.Select(n => IPNetwork.Parse(n.Trim()));

    /// <summary>Throws <see cref="ArgumentException"/> naming the key of a value that is not an address or a CIDR network.</summary>
    public void Validate()
    {
        for (var i = 0; i < KnownProxies.Length; i++)
        {
            if (!IPAddress.TryParse(KnownProxies[i]?.Trim(), out _))
            {
                throw new ArgumentException($"{SectionName}:KnownProxies:{i} must be an IP address, got '{KnownProxies[i]}'");
            }
        }

        for (var i = 0; i < KnownNetworks.Length; i++)
        {
            if (!IPNetwork.TryParse(KnownNetworks[i]?.Trim(), out _))
            {
                throw new ArgumentException($"{SectionName}:KnownNetworks:{i} must be a network in CIDR notation (10.0.0.0/8), got '{KnownNetworks[i]}'");
            }
        }
    }
}
