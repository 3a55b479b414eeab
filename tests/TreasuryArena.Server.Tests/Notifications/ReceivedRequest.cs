using System.Text;
using System.Text.Json.Nodes;

namespace TreasuryArena.Server.Tests.Notifications;

/// <summary>A request the <see cref="HttpReceiver"/> accepted.</summary>
public sealed record ReceivedRequest(string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public JsonNode Json => JsonNode.Parse(Encoding.UTF8.GetString(Body))!;

    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
}
