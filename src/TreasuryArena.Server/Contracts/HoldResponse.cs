using TreasuryArena.Core.Compliance;

namespace TreasuryArena.Server.Contracts;

/// <summary>A trade held by transaction monitoring and what became of it.</summary>
public sealed record HoldResponse(
    Guid Id,
    Guid OrganisationId,
    string WalletAddress,
    string Symbol,
    TradeSide Side,
    decimal UsdValue,
    IReadOnlyList<string> Reasons,
    HoldStatus Status,
    DateTimeOffset HeldAt,
    string HeldBy,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? Result)
{
    public static HoldResponse From(HeldTrade h)
    {
        ArgumentNullException.ThrowIfNull(h);
        return new(h.Id, h.OrganisationId, h.WalletAddress, h.Symbol, h.Side, h.UsdValue, h.Reasons, h.Status, h.HeldAt, h.HeldBy, h.DecidedBy, h.DecidedAt, h.Result);
    }
}
