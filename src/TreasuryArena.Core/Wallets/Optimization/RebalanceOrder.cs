using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Wallets.Optimization;

/// <summary>
/// One order of a rebalance. A sell names the <see cref="Shares"/> to redeem; a buy names the gross USD
/// <see cref="Amount"/> to spend (the trade fee is taken out of it). Both carry the NAV they were sized at
/// (<see cref="QuotedNav"/>): execution refuses the order when the NAV has moved more than the slippage tolerance.
/// </summary>
/// <param name="Symbol">The token.</param>
/// <param name="Side">Sell or buy.</param>
/// <param name="Shares">Shares to sell (sells), or the shares the buy is expected to issue (buys).</param>
/// <param name="Amount">USD: gross proceeds before the fee (sells) or gross cash spent including the fee (buys).</param>
/// <param name="EstimatedFee">The trade fee the order is expected to pay, USD.</param>
/// <param name="QuotedNav">The NAV per share used for sizing.</param>
public sealed record RebalanceOrder(
    string Symbol,
    OrderSide Side,
    decimal Shares,
    decimal Amount,
    decimal EstimatedFee,
    decimal QuotedNav);
