using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Compliance;

/// <summary>
/// A trade stopped by transaction monitoring, with why, who asked, and what the admin decided. A held rebalance plan
/// (every order of one rebalance, held as one decision) has <see cref="Symbol"/> = <see cref="PlanSymbol"/>, the side of
/// its first order, the sum of its orders' values and the orders in <see cref="Request"/>.
/// </summary>
public sealed record HeldTrade(
    Guid Id,
    Guid OrganisationId,
    string WalletAddress,
    string Symbol,
    OrderSide Side,
    decimal UsdValue,
    string Request,
    IReadOnlyList<string> Reasons,
    HoldStatus Status,
    DateTimeOffset HeldAt,
    string HeldBy,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? Result)
{
    /// <summary>The symbol of a held plan (not a valid token symbol, so it never names a token).</summary>
    public const string PlanSymbol = "(plan)";

    /// <summary>True for a held rebalance plan, false for a single held trade.</summary>
    public bool IsPlan => Symbol == PlanSymbol;

    /// <summary>When a pending hold expires under <paramref name="lifetime"/>.</summary>
    public DateTimeOffset ExpiresAt(TimeSpan lifetime) => HeldAt + lifetime;
}
