namespace TreasuryArena.Core.Wallets.Optimization;

/// <summary>
/// The orders that move a wallet to its target weights, sells first, then buys, sized so that the buys never
/// spend more cash than the wallet has after its sells and their fees.
/// </summary>
/// <param name="Orders">Sells (in symbol order) followed by buys (in symbol order).</param>
/// <param name="EstimatedFees">The sum of the orders' estimated trade fees, USD.</param>
/// <param name="CashAfter">The cash expected to remain after every order fills at its quoted NAV.</param>
/// <param name="Turnover">Traded value over portfolio value (sells plus buys, gross), 0 when nothing trades.</param>
public sealed record OrderPlan(
    IReadOnlyList<RebalanceOrder> Orders,
    decimal EstimatedFees,
    decimal CashAfter,
    decimal Turnover)
{
    public static OrderPlan Empty(decimal cash) => new([], 0m, cash, 0m);
}
