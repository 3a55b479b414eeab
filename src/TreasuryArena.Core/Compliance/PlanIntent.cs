using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Compliance;

/// <summary>
/// A whole rebalance plan about to be executed, as the compliance gate sees it before any of its orders runs: the
/// wallet, its value before the plan, every order (symbol, side, USD value at the quoted NAV) and a renderer of the
/// plan (JSON) stored with a hold so the plan can be executed exactly as reviewed when an admin releases it.
/// </summary>
public sealed record PlanIntent(
    Guid OrganisationId,
    string WalletAddress,
    decimal WalletValue,
    IReadOnlyList<PlanIntent.Line> Orders,
    string Actor,
    TradeSource Source,
    Func<string> Request)
{
    /// <summary>One order of the plan.</summary>
    public sealed record Line(string Symbol, OrderSide Side, decimal UsdValue);
}
