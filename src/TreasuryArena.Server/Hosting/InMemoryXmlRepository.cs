using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace TreasuryArena.Server.Hosting;

/// <summary>
/// The Data Protection key ring, kept in this process's memory only. The server protects nothing with Data Protection
/// (the session cookie is a random id, and there are no antiforgery tokens), but ASP.NET's authentication registers it
/// and creates a key at start; by default that key went unencrypted to <c>~/.aspnet/DataProtection-Keys</c>, shared by
/// every process of the user. Here it is never written anywhere, and anything protected with it would not survive a
/// restart, so nothing may rely on it.
/// </summary>
public sealed class InMemoryXmlRepository : IXmlRepository
{
    private readonly List<XElement> _elements = [];
    private readonly Lock _lock = new();

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        lock (_lock)
        {
            return _elements.Select(e => new XElement(e)).ToList();
        }
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        lock (_lock)
        {
            _elements.Add(new XElement(element));
        }
    }
}
