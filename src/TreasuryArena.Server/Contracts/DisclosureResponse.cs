using TreasuryArena.Core.Compliance;

namespace TreasuryArena.Server.Contracts;

/// <summary>A published risk-disclosure version and its SHA-256.</summary>
public sealed record DisclosureResponse(string Version, string Sha256, DateTimeOffset PublishedAt, string Text)
{
    public static DisclosureResponse From(RiskDisclosure d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.Version, d.Sha256, d.PublishedAt, d.Text);
    }
}
